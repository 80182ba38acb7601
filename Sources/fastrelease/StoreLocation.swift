import ArgumentParser
import FastReleaseStore
import Foundation
import Logging

/// Opens a decision log named on the command line: a SQLite file, or
/// `postgres://user[:password]@host[:port]/database`.
enum StoreLocation {
    /// Whether `text` names a decision log rather than XML files.
    static func isStore(_ text: String) -> Bool {
        text.hasPrefix("postgres://") || text.hasPrefix("postgresql://") || isSQLite(text)
    }

    /// Runs `body` with the log open (a PostgreSQL pool runs for as long as it takes);
    /// `creating` makes a new SQLite log when there is no file at `location`.
    static func withLog<T: Sendable>(
        _ location: String, creating: Bool = false, _ body: @Sendable @escaping (any DecisionLog) async throws -> T
    )
        async throws -> T
    {
        guard location.hasPrefix("postgres://") || location.hasPrefix("postgresql://") else {
            let missing = !FileManager.default.fileExists(atPath: location)
            guard isSQLite(location) || (creating && missing) else {
                throw ValidationError("\(location) is not a SQLite decision log nor a postgres:// address")
            }
            let log = try SQLiteDecisionLog(path: location) { FileDescriptorSink.standardError.print($0 + "…") }
            return try await body(log)
        }
        #if PostgreSQL
            guard let parts = URLComponents(string: location), let host = parts.host, let user = parts.user else {
                throw ValidationError("\(location): write postgres://user[:password]@host[:port]/database")
            }
            return try await PostgresDecisionLog.withRunningLog(
                .init(
                    host: host, port: parts.port ?? 5432, username: user, password: parts.password,
                    database: String(parts.path.dropFirst())),
                logger: Logger(label: "fastrelease.store"), body)
        #else
            throw ValidationError("\(location): \(BuildTraits.postgresLeftOut)")
        #endif
    }

    private static func isSQLite(_ path: String) -> Bool {
        guard let handle = FileHandle(forReadingAtPath: path) else { return false }
        defer { try? handle.close() }
        return handle.readData(ofLength: 16) == Data("SQLite format 3\0".utf8)
    }
}
