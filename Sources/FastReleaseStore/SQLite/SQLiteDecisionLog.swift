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
    /// Insert statements the log runs again and again, their SQL text made once.
    private static let insertDecision = StoredDecision.insertStatement(
        "ON CONFLICT (declarant, declaration_id, revision) DO NOTHING")
    private static let insertShadowDecision = StoredShadowDecision.insertStatement("ON CONFLICT DO NOTHING")

    /// The most the writer connection's page cache holds (64 MiB).
    static let writerCacheKibibytes = 65536

    /// Opens (creating if needed) the log at `path`, upgrading its schema.
    ///
    /// `upgrading` is told, in a sentence, before an upgrade step that copies the decisions table
    /// (schema version 10 does: 28-34 s and the table's size again on disk for 300,000
    /// decisions, 1.3 GB, on the benchmark machine), so that the caller can say why it waits.
    public init(path: String, synchronous: Synchronous = .full, upgrading: (String) -> Void = { _ in }) throws {
        var configuration = Configuration()
        configuration.busyMode = .timeout(10)
        configuration.prepareDatabase { db in
            try db.execute(sql: "PRAGMA synchronous = \(synchronous.rawValue)")
            if !db.configuration.readonly {
                // The writer's page cache: SQLite's default (2 MiB) cannot hold the indexes' pages
                // that every insert walks, so each batch read them again from the file.
                try db.execute(sql: "PRAGMA cache_size = -\(Self.writerCacheKibibytes)")
            }
        }
        do {
            pool = try DatabasePool(path: path, configuration: configuration)
            if let copied = try Self.decisionsToCopy(pool) {
                upgrading(
                    "upgrading the decision log at \(path) to schema version 10: copying its \(copied) decision\(copied == 1 ? "" : "s") once into a table keyed by declaration id (about a minute a million; the file grows by the table's size)"
                )
            }
            try Self.migrator.migrate(pool)
        } catch {
            throw DecisionLogError(
                "cannot open the SQLite decision log at \(path): \(error); check the path and its permissions")
        }
    }

    /// How many decisions a pending upgrade step will copy; `nil` when none will.
    private static func decisionsToCopy(_ pool: DatabasePool) throws -> Int? {
        try pool.read { db in
            guard try db.tableExists("decisions"),
                try !migrator.appliedIdentifiers(db).contains(Migration.keyedByDeclarationID)
            else { return nil }
            let count = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM decisions") ?? 0
            return count > 0 ? count : nil
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

    static let payloadHits = PayloadHits.sqlite

    static func jsonText(_ column: String, _ path: [String]) -> String {
        "json_extract(NULLIF(\(column), ''), '$.\(path.joined(separator: "."))')"
    }

    func fetch<Row: ReadableRow>(_ sql: String, _ arguments: [ColumnValue]) async throws -> [Row] {
        try await pool.read { db in try Self.fetch(db, sql, arguments) }
    }

    func write<Row: ReadableRow>(_ sql: String, _ arguments: [ColumnValue]) async throws -> [Row] {
        try await pool.write { db in try Self.fetch(db, sql, arguments) }
    }

    private static func fetch<Row: ReadableRow>(_ db: Database, _ sql: String, _ arguments: [ColumnValue]) throws
        -> [Row]
    {
        try GRDB.Row.fetchAll(db, sql: sql, arguments: StatementArguments(arguments)).map { try Row(reading: $0) }
    }

    public func record(_ batch: [StoredDecision]) async throws -> [RecordOutcome] {
        let (unique, firstIndex) = batch.firstOfEachKey()
        let (inserted, existing, overdrawn) = try await pool.write { db in
            var inserted = Set<DecisionKey>()
            var existing: [DecisionKey: StoredDecision] = [:]
            var overdrawn: [DecisionKey: String] = [:]
            // Cached on the connection: a group commit of a few rows would otherwise spend more
            // on parsing and planning these statements again than on the rows.
            let insert = try db.cachedStatement(sql: Self.insertDecision)
            for decision in unique {
                switch try Self.insert(decision, insert, db) {
                case .inserted: inserted.insert(decision.key)
                case .overdrawn(let lot): overdrawn[decision.key] = lot
                case .present:
                    let stored: [StoredDecision] = try Self.fetch(db, LogQueries.decisionByKey, decision.key.values)
                    existing[decision.key] = stored.first
                }
            }
            let adding = try db.cachedStatement(sql: HourlyCounts.addOne)
            for count in HourlyCounts.adding(unique, recorded: inserted) {
                try adding.execute(arguments: StatementArguments(HourlyCounts.values(count)))
            }
            return (inserted, existing, overdrawn)
        }
        return outcomes(
            for: batch, firstIndex: firstIndex, inserted: inserted, existing: existing, overdrawn: overdrawn)
    }

    private enum Insertion {
        case inserted, present
        case overdrawn(String)
    }

    /// Inserts one decision and, with it (in a savepoint), applies its claims.
    private static func insert(_ decision: StoredDecision, _ insert: Statement, _ db: Database) throws -> Insertion {
        guard !decision.claims.isEmpty else {
            try insert.execute(arguments: StatementArguments(decision.values))
            return db.changesCount > 0 ? .inserted : .present
        }
        var insertion = Insertion.present
        try db.inSavepoint {
            try insert.execute(arguments: StatementArguments(decision.values))
            guard db.changesCount > 0 else { return .commit }
            if let lot = try applyClaims(of: decision, db) {
                insertion = .overdrawn(lot)
                return .rollback
            }
            insertion = .inserted
            return .commit
        }
        return insertion
    }

    /// Applies a just-inserted decision's claims; returns the first lot it would overdraw.
    private static func applyClaims(of decision: StoredDecision, _ db: Database) throws -> String? {
        for claim in decision.claims {
            let (sql, arguments) = LotStatements.apply(claim)
            try db.execute(sql: sql, arguments: StatementArguments(arguments))
            if db.changesCount == 0 { return claim.lot }
            try db.execute(
                sql: LotStatements.ledger,
                arguments: StatementArguments(LotStatements.ledgerArguments(claim, of: decision)))
        }
        return nil
    }

    public func record(_ change: StoredStateChange, lots: [String: LotSetting]) async throws -> Int64 {
        try await pool.write { db in
            try db.execute(sql: StoredStateChange.insertStatement(), arguments: StatementArguments(change.values))
            let sequence = db.lastInsertedRowID
            for (lot, setting) in lots.sorted(by: { $0.key < $1.key }) {
                try db.execute(
                    sql: LotStatements.setConforming,
                    arguments: StatementArguments(LotStatements.arguments(lot, setting)))
            }
            return sequence
        }
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
            let insert = try db.cachedStatement(sql: Self.insertShadowDecision)
            for row in shadow { try insert.execute(arguments: StatementArguments(row.values)) }
        }
    }

    public func record(_ change: StoredProfileChange) async throws {
        try await pool.write { db in
            try db.execute(sql: StoredProfileChange.insertStatement(), arguments: StatementArguments(change.values))
        }
    }
}
