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

extension Trait where Self == ConditionTrait {
    /// A long test: skipped in the fast loop, with the reason.
    public static var long: Self {
        .enabled(if: !TestScope.isFast, "a long test, skipped because FASTRELEASE_TESTS=fast")
    }

    /// Runs only with the test PostgreSQL server, and says how to get one.
    public static var needsPostgres: Self {
        .enabled(
            if: TestPostgres.isAvailable,
            "needs PostgreSQL: run the tests with scripts/test.sh (or scripts/with-postgres.sh swift test)")
    }

    /// Runs only where Chromium is installed, and says how to get it.
    public static var needsChromium: Self {
        .enabled(
            if: Chromium.path != nil,
            "needs Chromium: apt-get install chromium, or set FASTRELEASE_CHROMIUM (scripts/test.sh installs it)")
    }
}
