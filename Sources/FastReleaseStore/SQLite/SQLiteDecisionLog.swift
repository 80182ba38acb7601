import GRDB

/// The embedded decision log: one SQLite file in WAL mode, through GRDB.
///
/// Every batch is one write transaction; with `synchronous = FULL` (the default) it is on
/// disk when `record` returns, so a decision that was answered survives a crash or power loss.
public final class SQLiteDecisionLog: DecisionLog {
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

    private static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("decisions-v1") { db in
            try db.execute(sql: DecisionLogSchema.sqliteVersion1)
        }
        migrator.registerMigration("decisions-v2-revisions") { db in
            try db.execute(sql: DecisionLogSchema.sqliteVersion2)
        }
        migrator.registerMigration("decisions-v3-inspections") { db in
            try db.execute(sql: DecisionLogSchema.inspectionsTable)
            try db.execute(sql: DecisionLogSchema.inspectionsIndex)
        }
        migrator.registerMigration("decisions-v4-profile-changes") { db in
            try db.execute(sql: DecisionLogSchema.sqliteVersion4)
        }
        migrator.registerMigration("decisions-v5-shadow") { db in
            try db.execute(sql: DecisionLogSchema.shadowTable)
            try db.execute(sql: DecisionLogSchema.shadowIndex)
        }
        return migrator
    }

    public func record(_ batch: [StoredDecision]) async throws -> [RecordOutcome] {
        let (unique, firstIndex) = batch.firstOfEachKey()
        let (inserted, existing) = try await pool.write { db in
            var inserted = Set<DecisionKey>()
            var existing: [DecisionKey: StoredDecision] = [:]
            let insert = try db.makeStatement(sql: DecisionLogSchema.insert)
            for decision in unique {
                try insert.execute(arguments: [
                    decision.key.declarant, decision.key.declarationID, decision.key.revision, decision.messageID,
                    decision.lane, decision.profileVersion, decision.decidedAt, decision.payload, decision.function,
                    decision.reference, decision.declaration,
                ])
                if db.changesCount > 0 {
                    inserted.insert(decision.key)
                } else if let stored = try Self.fetch(db, key: decision.key) {
                    existing[decision.key] = stored
                }
            }
            return (inserted, existing)
        }
        return outcomes(for: batch, firstIndex: firstIndex, inserted: inserted, existing: existing)
    }

    public func decisions(declarationID: String) async throws -> [StoredDecision] {
        try await pool.read { db in
            try Row.fetchAll(db, sql: DecisionLogSchema.selectByID, arguments: [declarationID]).map(Self.decision)
        }
    }

    public func decisions(reference: String) async throws -> [StoredDecision] {
        try await pool.read { db in
            try Row.fetchAll(db, sql: DecisionLogSchema.selectByReference, arguments: [reference]).map(Self.decision)
        }
    }

    public func record(_ inspection: StoredInspection) async throws -> InspectionOutcome {
        try await pool.write { db in
            try db.execute(
                sql: """
                    INSERT INTO inspections (\(DecisionLogSchema.inspectionColumns)) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                    ON CONFLICT (inspection_id) DO NOTHING
                    """,
                arguments: [
                    inspection.inspectionID, inspection.decision.declarant, inspection.decision.declarationID,
                    inspection.decision.revision, inspection.conforming, inspection.inspectedAt, inspection.recordedBy,
                    inspection.payload,
                ])
            if db.changesCount > 0 { return .recorded(inspection) }
            let stored = try Row.fetchOne(
                db, sql: "SELECT * FROM inspections WHERE inspection_id = ?", arguments: [inspection.inspectionID])
            return .replayed(stored.map(Self.inspection) ?? inspection)
        }
    }

    public func inspections(declarationID: String) async throws -> [StoredInspection] {
        try await pool.read { db in
            try Row.fetchAll(
                db, sql: "SELECT * FROM inspections WHERE declaration_id = ? ORDER BY inspected_at, inspection_id",
                arguments: [declarationID]
            ).map(Self.inspection)
        }
    }

    public func decisions(decidedFrom from: Int64, to: Int64, after: StoredDecision?, limit: Int) async throws
        -> [StoredDecision]
    {
        let start = after.map { ($0.decidedAt, $0.key.declarant, $0.key.declarationID, $0.key.revision) }
        return try await pool.read { db in
            try Row.fetchAll(
                db,
                sql: """
                    SELECT * FROM decisions WHERE decided_at >= ? AND decided_at < ?
                    AND (decided_at, declarant, declaration_id, revision) > (?, ?, ?, ?)
                    ORDER BY decided_at, declarant, declaration_id, revision LIMIT ?
                    """,
                arguments: [
                    from, to, start?.0 ?? Int64.min, start?.1 ?? "", start?.2 ?? "", start?.3 ?? "", limit,
                ]
            ).map(Self.decision)
        }
    }

    public func inspections(after: String?, limit: Int) async throws -> [StoredInspection] {
        try await pool.read { db in
            try Row.fetchAll(
                db, sql: "SELECT * FROM inspections WHERE inspection_id > ? ORDER BY inspection_id LIMIT ?",
                arguments: [after ?? "", limit]
            ).map(Self.inspection)
        }
    }

    public func laneCounts(from: Int64, bucket: Int64) async throws -> [LaneCount] {
        try await pool.read { db in
            try Row.fetchAll(
                db,
                sql: """
                    SELECT (decided_at / ?) * ? AS bucket, lane, COUNT(*) AS n FROM decisions WHERE decided_at >= ?
                    GROUP BY bucket, lane ORDER BY bucket, lane
                    """, arguments: [bucket, bucket, from]
            ).map { LaneCount(bucketStart: $0["bucket"], lane: $0["lane"], count: $0["n"]) }
        }
    }

    public func record(shadow: [StoredShadowDecision]) async throws {
        try await pool.write { db in
            let insert = try db.makeStatement(
                sql:
                    "INSERT INTO shadow_decisions (\(DecisionLogSchema.shadowColumns)) VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING"
            )
            for row in shadow {
                try insert.execute(arguments: [
                    row.shadowVersion, row.key.declarant, row.key.declarationID, row.key.revision, row.liveLane,
                    row.shadowLane, row.decidedAt, row.payload,
                ])
            }
        }
    }

    public func shadowDifferences(version: String, limit: Int) async throws -> [StoredShadowDecision] {
        try await pool.read { db in
            try Row.fetchAll(
                db,
                sql: """
                    SELECT * FROM shadow_decisions WHERE shadow_version = ? AND live_lane <> shadow_lane
                    ORDER BY decided_at DESC LIMIT ?
                    """, arguments: [version, limit]
            ).map { row in
                StoredShadowDecision(
                    shadowVersion: row["shadow_version"],
                    key: DecisionKey(
                        declarant: row["declarant"], declarationID: row["declaration_id"], revision: row["revision"]),
                    liveLane: row["live_lane"], shadowLane: row["shadow_lane"], decidedAt: row["decided_at"],
                    payload: row["payload"])
            }
        }
    }

    public func record(_ change: StoredProfileChange) async throws {
        try await pool.write { db in
            try db.execute(
                sql:
                    "INSERT INTO profile_changes (\(DecisionLogSchema.profileChangeColumns)) VALUES (?, ?, ?, ?, ?, ?)",
                arguments: [
                    change.version, change.previousVersion, change.changedAt, change.changedBy, change.summary,
                    change.files,
                ])
        }
    }

    public func profileChanges(limit: Int) async throws -> [StoredProfileChange] {
        try await pool.read { db in
            try Row.fetchAll(
                db, sql: "SELECT * FROM profile_changes ORDER BY sequence DESC LIMIT ?", arguments: [limit]
            ).map(Self.profileChange)
        }
    }

    public func profileChange(version: String) async throws -> StoredProfileChange? {
        try await pool.read { db in
            try Row.fetchOne(
                db, sql: "SELECT * FROM profile_changes WHERE version = ? ORDER BY sequence DESC LIMIT 1",
                arguments: [version]
            ).map(Self.profileChange)
        }
    }

    private static func profileChange(_ row: Row) -> StoredProfileChange {
        StoredProfileChange(
            version: row["version"], previousVersion: row["previous_version"], changedAt: row["changed_at"],
            changedBy: row["changed_by"], summary: row["summary"], files: row["files"])
    }

    public func count() async throws -> Int {
        try await pool.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM decisions") ?? 0 }
    }

    public func ping() async throws {
        _ = try await pool.read { db in try Int.fetchOne(db, sql: "SELECT 1") }
    }

    private static func fetch(_ db: Database, key: DecisionKey) throws -> StoredDecision? {
        try Row.fetchOne(
            db, sql: DecisionLogSchema.selectByKey, arguments: [key.declarant, key.declarationID, key.revision]
        ).map(decision)
    }

    private static func inspection(_ row: Row) -> StoredInspection {
        StoredInspection(
            inspectionID: row["inspection_id"],
            decision: DecisionKey(
                declarant: row["declarant"], declarationID: row["declaration_id"], revision: row["revision"]),
            conforming: row["conforming"], inspectedAt: row["inspected_at"], recordedBy: row["recorded_by"],
            payload: row["payload"])
    }

    private static func decision(_ row: Row) -> StoredDecision {
        StoredDecision(
            key: DecisionKey(
                declarant: row["declarant"], declarationID: row["declaration_id"], revision: row["revision"]),
            messageID: row["message_id"], lane: row["lane"], profileVersion: row["profile_version"],
            decidedAt: row["decided_at"], payload: row["payload"], function: row["function"],
            reference: row["reference"], declaration: row["declaration"])
    }
}
