import Foundation
import Testing

/// Which tests run: all of them, or with `FASTRELEASE_TESTS=fast` the everyday loop without
/// the long ones (`scripts/test.sh --fast`).
public enum TestScope {
    /// Whether the fast loop was asked for.
    public static var isFast: Bool { ProcessInfo.processInfo.environment["FASTRELEASE_TESTS"] == "fast" }
}
