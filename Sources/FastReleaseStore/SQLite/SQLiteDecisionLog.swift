public import FastReleaseCore
import GRDB

/// The embedded decision log: one SQLite file in WAL mode, through GRDB.
///
/// Every batch is one write transaction; with `synchronous = FULL` (the default) it is on
/// disk when `record` returns, so a decision that was answered survives a crash or power loss.
public final class SQLiteDecisionLog: SQLBackedLog {
    /// How hard SQLite syncs to disk (`PRAGMA synchronous`).
    public enum Synchronous: String, Sendable {
        /// fsync at every commit: survives power loss (the default).
        case full = "FULL"
        /// fsync at checkpoints only: survives a process crash, not a power loss.
        case normal = "NORMAL"
    }

    private let pool: DatabasePool

    /// Opens (creating if needed) the log at `path`.
    public init(path: String, synchronous: Synchronous = .full) throws {
        var configuration = Configuration()
        configuration.busyMode = .timeout(10)
        configuration.prepareDatabase { db in
            try db.execute(sql: "PRAGMA synchronous = \(synchronous.rawValue)")
        }
        do {
            pool = try DatabasePool(path: path, configuration: configuration)
            try Self.migrator.migrate(pool)
        } catch {
            throw DecisionLogError(
                "cannot open the SQLite decision log at \(path): \(error); check the path and its permissions")
        }
    }

    /// ``Migration/all``, each step recorded by name.
    private static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        for migration in Migration.all {
            migrator.registerMigration(migration.name) { db in
                for statement in migration.sqlite { try db.execute(sql: statement) }
            }
        }
        return migrator
    }

    func fetch<Row: ReadableRow>(_ sql: String, _ arguments: [ColumnValue]) async throws -> [Row] {
        try await pool.read { db in try Self.fetch(db, sql, arguments) }
    }

    private static func fetch<Row: ReadableRow>(_ db: Database, _ sql: String, _ arguments: [ColumnValue]) throws
        -> [Row]
    {
        try GRDB.Row.fetchAll(db, sql: sql, arguments: StatementArguments(arguments)).map { try Row(reading: $0) }
    }

    public func record(_ batch: [StoredDecision]) async throws -> [RecordOutcome] {
        let (unique, firstIndex) = batch.firstOfEachKey()
        let (inserted, existing) = try await pool.write { db in
            var inserted = Set<DecisionKey>()
            var existing: [DecisionKey: StoredDecision] = [:]
            let insert = try db.makeStatement(
                sql: StoredDecision.insertStatement("ON CONFLICT (declarant, declaration_id, revision) DO NOTHING"))
            for decision in unique {
                try insert.execute(arguments: StatementArguments(decision.values))
                if db.changesCount > 0 {
                    inserted.insert(decision.key)
                } else {
                    let stored: [StoredDecision] = try Self.fetch(db, LogQueries.decisionByKey, decision.key.values)
                    existing[decision.key] = stored.first
                }
            }
            return (inserted, existing)
        }
        return outcomes(for: batch, firstIndex: firstIndex, inserted: inserted, existing: existing)
    }

    public func record(_ inspection: StoredInspection) async throws -> InspectionOutcome {
        try await pool.write { db in
            try db.execute(
                sql: StoredInspection.insertStatement("ON CONFLICT (inspection_id) DO NOTHING"),
                arguments: StatementArguments(inspection.values))
            if db.changesCount > 0 { return .recorded(inspection) }
            let stored: [StoredInspection] = try Self.fetch(
                db, LogQueries.inspectionByID, [.text(inspection.inspectionID)])
            return .replayed(stored.first ?? inspection)
        }
    }

    public func record(shadow: [StoredShadowDecision]) async throws {
        try await pool.write { db in
            let insert = try db.makeStatement(sql: StoredShadowDecision.insertStatement("ON CONFLICT DO NOTHING"))
            for row in shadow { try insert.execute(arguments: StatementArguments(row.values)) }
        }
    }

    public func record(_ change: StoredProfileChange) async throws {
        try await pool.write { db in
            try db.execute(sql: StoredProfileChange.insertStatement(), arguments: StatementArguments(change.values))
        }
    }
}
