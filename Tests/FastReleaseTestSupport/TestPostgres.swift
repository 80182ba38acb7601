import Foundation

/// The throwaway PostgreSQL server that `scripts/with-postgres.sh` starts for the tests.
public enum TestPostgres {
    /// Host, port, user and database, when the tests run under `scripts/with-postgres.sh`.
    /// Always nil in a build without the `PostgreSQL` trait.
    public static var settings: (host: String, port: Int, user: String, database: String)? {
        #if PostgreSQL
            let environment = ProcessInfo.processInfo.environment
            guard let host = environment["FASTRELEASE_TEST_POSTGRES_HOST"],
                let port = environment["FASTRELEASE_TEST_POSTGRES_PORT"].flatMap(Int.init)
            else { return nil }
            return (
                host, port, environment["FASTRELEASE_TEST_POSTGRES_USER"] ?? "postgres",
                environment["FASTRELEASE_TEST_POSTGRES_DATABASE"] ?? "fastrelease_test"
            )
        #else
            return nil
        #endif
    }

    /// Whether PostgreSQL tests can run here.
    public static var isAvailable: Bool { settings != nil }
}
