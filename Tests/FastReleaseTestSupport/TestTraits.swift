import Foundation
public import Testing

extension Tag {
    /// Starts `fastrelease` as a process (a second or more each).
    @Tag public static var process: Self
    /// Needs the throwaway PostgreSQL server of `scripts/with-postgres.sh`.
    @Tag public static var postgres: Self
    /// Loads a page in headless Chromium.
    @Tag public static var browser: Self
    /// Drives traffic or data for many seconds (streams, memory, concurrency).
    @Tag public static var load: Self
}

/// Which tests run: all of them, or with `FASTRELEASE_TESTS=fast` the everyday loop without
/// the long ones (`scripts/test.sh --fast`).
public enum TestScope {
    /// Whether the fast loop was asked for.
    public static var isFast: Bool { ProcessInfo.processInfo.environment["FASTRELEASE_TESTS"] == "fast" }
}

/// Where the headless browser for the dashboard test is, if any.
public enum Chromium {
    /// `$FASTRELEASE_CHROMIUM`, else `/usr/bin/chromium`, when executable.
    public static var path: String? {
        [ProcessInfo.processInfo.environment["FASTRELEASE_CHROMIUM"], "/usr/bin/chromium"].compactMap { $0 }
            .first { FileManager.default.isExecutableFile(atPath: $0) }
    }
}

extension Trait where Self == ConditionTrait {
    /// A long test: skipped in the fast loop, with the reason.
    public static var long: Self {
        .enabled(if: !TestScope.isFast, "a long test, skipped because FASTRELEASE_TESTS=fast")
    }

    /// Runs only with the test PostgreSQL server, and says how to get one.
    public static var needsPostgres: Self {
        .enabled(
            if: TestPostgres.isAvailable && !TestScope.isFast,
            "needs PostgreSQL: run the tests with scripts/test.sh (or scripts/with-postgres.sh swift test)")
    }

    /// Runs only where Chromium is installed, and says how to get it.
    public static var needsChromium: Self {
        .enabled(
            if: Chromium.path != nil && !TestScope.isFast,
            "needs Chromium: apt-get install chromium, or set FASTRELEASE_CHROMIUM (scripts/test.sh installs it)")
    }
}
