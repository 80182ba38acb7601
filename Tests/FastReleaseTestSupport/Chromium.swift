import Foundation
import Testing

/// Where the headless browser for the dashboard test is, if any.
public enum Chromium {
    /// `$FASTRELEASE_CHROMIUM`, else `/usr/bin/chromium`, when executable.
    public static var path: String? {
        [ProcessInfo.processInfo.environment["FASTRELEASE_CHROMIUM"], "/usr/bin/chromium"].compactMap { $0 }
            .first { FileManager.default.isExecutableFile(atPath: $0) }
    }
}
