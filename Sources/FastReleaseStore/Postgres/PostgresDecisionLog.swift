public import Logging
import PostgresNIO
public import ServiceLifecycle

/// The shared decision log: a PostgreSQL table that several FastRelease instances write to.
///
/// The connection pool must be running (`run()`, as a `Service` in the service group) before
/// `prepare()` and `record`. Each batch is one `INSERT … SELECT unnest(…) ON CONFLICT DO
/// NOTHING RETURNING` statement: one round trip, committed (and, with PostgreSQL's default
/// `synchronous_commit`, on disk) when it returns. When two instances insert the same key at
/// once, PostgreSQL makes the second wait for the first and skip its row, so each declaration
/// gets exactly one decision.
public final class PostgresDecisionLog: DecisionLog, Service {
    /// Where the server is.
    public struct Connection: Sendable {
        /// Host name or address.
        public var host: String
        /// Port.
        public var port: Int
        /// User name.
        public var username: String
        /// Password, if the server asks for one.
        public var password: String?
        /// Database name.
        public var database: String

        /// Creates connection settings.
        public init(host: String, port: Int = 5432, username: String, password: String? = nil, database: String) {
            self.host = host
            self.port = port
            self.username = username
            self.password = password
            self.database = database
        }
    }

    private let client: PostgresClient
    private let logger: Logger

    /// Creates the log's connection pool (not yet running).
    public init(connection: Connection, logger: Logger) {
        let configuration = PostgresClient.Configuration(
            host: connection.host, port: connection.port, username: connection.username,
            password: connection.password, database: connection.database, tls: .disable)
        client = PostgresClient(configuration: configuration, backgroundLogger: logger)
        self.logger = logger
    }

    /// Runs the connection pool until cancelled or shut down gracefully.
    public func run() async throws {
        await cancelWhenGracefulShutdown {
            await self.client.run()
        }
    }

    /// Runs `body` with the log's pool running and the table prepared, then stops the pool: for
    /// tools that read or write the log once, outside a service group.
    public static func withRunningLog<T: Sendable>(
        _ connection: Connection, logger: Logger, _ body: @Sendable (PostgresDecisionLog) async throws -> T
    ) async throws -> T {
        let log = PostgresDecisionLog(connection: connection, logger: logger)
        return try await withThrowingTaskGroup(of: T?.self) { group in
            group.addTask {
                try await log.run()
                return nil
            }
            try await log.prepare()
            let result = try await body(log)
            group.cancelAll()
            return result
        }
    }

    /// Creates the table if it does not exist; safe when several instances start at once.
    public func prepare() async throws {
        do {
            try await client.withTransaction(logger: logger) { connection in
                try await connection.query("SELECT pg_advisory_xact_lock(7741001)", logger: logger)
                for statement in DecisionLogSchema.postgresVersion1 {
                    try await connection.query(PostgresQuery(unsafeSQL: statement), logger: logger)
                }
                var version = 1
                let rows = try await connection.query(
                    "SELECT COALESCE(MAX(version), 1) FROM fastrelease_schema", logger: logger)
                for try await found in rows.decode(Int.self) { version = found }
                if version < 2 {
                    for statement in DecisionLogSchema.postgresVersion2 {
                        try await connection.query(PostgresQuery(unsafeSQL: statement), logger: logger)
                    }
                }
                if version < 3 {
                    for statement in DecisionLogSchema.postgresVersion3 {
                        try await connection.query(PostgresQuery(unsafeSQL: statement), logger: logger)
                    }
                }
                if version < 4 {
                    for statement in DecisionLogSchema.postgresVersion4 {
                        try await connection.query(PostgresQuery(unsafeSQL: statement), logger: logger)
                    }
                }
                if version < 5 {
                    for statement in DecisionLogSchema.postgresVersion5 {
                        try await connection.query(PostgresQuery(unsafeSQL: statement), logger: logger)
                    }
                }
            }
        } catch {
            throw DecisionLogError("cannot prepare the PostgreSQL decision log: \(String(reflecting: error))")
        }
    }

    public func record(_ batch: [StoredDecision]) async throws -> [RecordOutcome] {
        let (unique, firstIndex) = batch.firstOfEachKey()
        let declarants = unique.map(\.key.declarant)
        let ids = unique.map(\.key.declarationID)
        let rows = try await client.query(
            """
            INSERT INTO decisions (declarant, declaration_id, revision, message_id, lane, profile_version, decided_at,
                payload, function, reference, declaration)
            SELECT * FROM unnest(\(declarants)::text[], \(ids)::text[], \(unique.map(\.key.revision))::text[],
                \(unique.map(\.messageID))::text[], \(unique.map(\.lane))::text[], \(unique.map(\.profileVersion))::text[],
                \(unique.map(\.decidedAt))::bigint[], \(unique.map(\.payload))::text[], \(unique.map(\.function))::text[],
                \(unique.map(\.reference))::text[], \(unique.map(\.declaration))::text[])
            ON CONFLICT (declarant, declaration_id, revision) DO NOTHING
            RETURNING declarant, declaration_id, revision
            """, logger: logger)
        var inserted = Set<DecisionKey>()
        for try await (declarant, id, revision) in rows.decode((String, String, String).self) {
            inserted.insert(DecisionKey(declarant: declarant, declarationID: id, revision: revision))
        }
        let missing = unique.filter { !inserted.contains($0.key) }
        var existing: [DecisionKey: StoredDecision] = [:]
        if !missing.isEmpty {
            let stored = try await client.query(
                """
                SELECT \(unescaped: DecisionLogSchema.columns) FROM decisions
                WHERE (declarant, declaration_id, revision) IN
                    (SELECT * FROM unnest(\(missing.map(\.key.declarant))::text[],
                        \(missing.map(\.key.declarationID))::text[], \(missing.map(\.key.revision))::text[]))
                """, logger: logger)
            for decision in try await Self.decisions(stored) { existing[decision.key] = decision }
        }
        return outcomes(for: batch, firstIndex: firstIndex, inserted: inserted, existing: existing)
    }

    public func decisions(declarationID: String) async throws -> [StoredDecision] {
        let rows = try await client.query(
            """
            SELECT \(unescaped: DecisionLogSchema.columns) FROM decisions WHERE declaration_id = \(declarationID)
            ORDER BY declarant, decided_at, function = 'original' DESC, revision
            """, logger: logger)
        return try await Self.decisions(rows)
    }

    public func decisions(reference: String) async throws -> [StoredDecision] {
        let rows = try await client.query(
            """
            SELECT \(unescaped: DecisionLogSchema.columns) FROM decisions WHERE (declarant, declaration_id) IN
                (SELECT declarant, declaration_id FROM decisions WHERE reference = \(reference))
            ORDER BY declarant, decided_at, function = 'original' DESC, revision
            """, logger: logger)
        return try await Self.decisions(rows)
    }

    public func record(_ inspection: StoredInspection) async throws -> InspectionOutcome {
        let key = inspection.decision
        let inserted = try await client.query(
            """
            INSERT INTO inspections (\(unescaped: DecisionLogSchema.inspectionColumns))
            VALUES (\(inspection.inspectionID), \(key.declarant), \(key.declarationID), \(key.revision),
                \(inspection.conforming), \(inspection.inspectedAt), \(inspection.recordedBy), \(inspection.payload))
            ON CONFLICT (inspection_id) DO NOTHING RETURNING inspection_id
            """, logger: logger)
        for try await _ in inserted.decode(String.self) { return .recorded(inspection) }
        let stored = try await client.query(
            """
            SELECT \(unescaped: DecisionLogSchema.inspectionColumns) FROM inspections
            WHERE inspection_id = \(inspection.inspectionID)
            """, logger: logger)
        return .replayed(try await Self.inspections(stored).first ?? inspection)
    }

    public func inspections(declarationID: String) async throws -> [StoredInspection] {
        let rows = try await client.query(
            """
            SELECT \(unescaped: DecisionLogSchema.inspectionColumns) FROM inspections
            WHERE declaration_id = \(declarationID) ORDER BY inspected_at, inspection_id
            """, logger: logger)
        return try await Self.inspections(rows)
    }

    private static func inspections(_ rows: PostgresRowSequence) async throws -> [StoredInspection] {
        var inspections: [StoredInspection] = []
        for try await (id, declarant, declarationID, revision, conforming, inspectedAt, recordedBy, payload)
            in rows.decode(
                (String, String, String, String, Bool, Int64, String, String).self)
        {
            inspections.append(
                StoredInspection(
                    inspectionID: id,
                    decision: DecisionKey(declarant: declarant, declarationID: declarationID, revision: revision),
                    conforming: conforming, inspectedAt: inspectedAt, recordedBy: recordedBy, payload: payload))
        }
        return inspections
    }

    public func decisions(decidedFrom from: Int64, to: Int64, after: StoredDecision?, limit: Int) async throws
        -> [StoredDecision]
    {
        let decidedAt = after?.decidedAt ?? Int64.min
        let declarant = after?.key.declarant ?? ""
        let id = after?.key.declarationID ?? ""
        let revision = after?.key.revision ?? ""
        return try await Self.decisions(
            client.query(
                """
                SELECT \(unescaped: DecisionLogSchema.columns) FROM decisions
                WHERE decided_at >= \(from) AND decided_at < \(to)
                AND (decided_at, declarant, declaration_id, revision) > (\(decidedAt), \(declarant), \(id), \(revision))
                ORDER BY decided_at, declarant, declaration_id, revision LIMIT \(limit)
                """, logger: logger))
    }

    public func inspections(after: String?, limit: Int) async throws -> [StoredInspection] {
        try await Self.inspections(
            client.query(
                """
                SELECT \(unescaped: DecisionLogSchema.inspectionColumns) FROM inspections
                WHERE inspection_id > \(after ?? "") ORDER BY inspection_id LIMIT \(limit)
                """, logger: logger))
    }

    public func laneCounts(from: Int64, bucket: Int64) async throws -> [LaneCount] {
        let rows = try await client.query(
            """
            SELECT (decided_at / \(bucket)) * \(bucket) AS bucket, lane, COUNT(*)::bigint FROM decisions
            WHERE decided_at >= \(from) GROUP BY 1, 2 ORDER BY 1, 2
            """, logger: logger)
        var counts: [LaneCount] = []
        for try await (start, lane, count) in rows.decode((Int64, String, Int64).self) {
            counts.append(LaneCount(bucketStart: start, lane: lane, count: Int(count)))
        }
        return counts
    }

    public func record(shadow: [StoredShadowDecision]) async throws {
        guard !shadow.isEmpty else { return }
        try await client.query(
            """
            INSERT INTO shadow_decisions (\(unescaped: DecisionLogSchema.shadowColumns))
            SELECT * FROM unnest(\(shadow.map(\.shadowVersion))::text[], \(shadow.map(\.key.declarant))::text[],
                \(shadow.map(\.key.declarationID))::text[], \(shadow.map(\.key.revision))::text[],
                \(shadow.map(\.liveLane))::text[], \(shadow.map(\.shadowLane))::text[],
                \(shadow.map(\.decidedAt))::bigint[], \(shadow.map(\.payload))::text[])
            ON CONFLICT DO NOTHING
            """, logger: logger)
    }

    public func shadowDifferences(version: String, limit: Int) async throws -> [StoredShadowDecision] {
        let rows = try await client.query(
            """
            SELECT \(unescaped: DecisionLogSchema.shadowColumns) FROM shadow_decisions
            WHERE shadow_version = \(version) AND live_lane <> shadow_lane ORDER BY decided_at DESC LIMIT \(limit)
            """, logger: logger)
        var found: [StoredShadowDecision] = []
        for try await (version, declarant, id, revision, live, shadow, decidedAt, payload) in rows.decode(
            (String, String, String, String, String, String, Int64, String).self)
        {
            found.append(
                StoredShadowDecision(
                    shadowVersion: version,
                    key: DecisionKey(declarant: declarant, declarationID: id, revision: revision),
                    liveLane: live, shadowLane: shadow, decidedAt: decidedAt, payload: payload))
        }
        return found
    }

    public func record(_ change: StoredProfileChange) async throws {
        try await client.query(
            """
            INSERT INTO profile_changes (\(unescaped: DecisionLogSchema.profileChangeColumns))
            VALUES (\(change.version), \(change.previousVersion), \(change.changedAt), \(change.changedBy),
                \(change.summary), \(change.files))
            """, logger: logger)
    }

    public func profileChanges(limit: Int) async throws -> [StoredProfileChange] {
        try await Self.profileChanges(
            client.query(
                """
                SELECT \(unescaped: DecisionLogSchema.profileChangeColumns) FROM profile_changes
                ORDER BY sequence DESC LIMIT \(limit)
                """, logger: logger))
    }

    public func profileChange(version: String) async throws -> StoredProfileChange? {
        try await Self.profileChanges(
            client.query(
                """
                SELECT \(unescaped: DecisionLogSchema.profileChangeColumns) FROM profile_changes
                WHERE version = \(version) ORDER BY sequence DESC LIMIT 1
                """, logger: logger)
        ).first
    }

    private static func profileChanges(_ rows: PostgresRowSequence) async throws -> [StoredProfileChange] {
        var changes: [StoredProfileChange] = []
        for try await (version, previous, changedAt, changedBy, summary, files) in rows.decode(
            (String, String, Int64, String, String, String).self)
        {
            changes.append(
                StoredProfileChange(
                    version: version, previousVersion: previous, changedAt: changedAt, changedBy: changedBy,
                    summary: summary, files: files))
        }
        return changes
    }

    public func count() async throws -> Int {
        let rows = try await client.query("SELECT COUNT(*) FROM decisions", logger: logger)
        for try await count in rows.decode(Int.self) { return count }
        return 0
    }

    public func ping() async throws {
        try await client.query("SELECT 1", logger: logger)
    }

    private static func decisions(_ rows: PostgresRowSequence) async throws -> [StoredDecision] {
        var decisions: [StoredDecision] = []
        for try await (
            declarant, id, revision, message, lane, version, decidedAt, payload, function, reference, declaration
        )
            in rows.decode((String, String, String, String, String, String, Int64, String, String, String, String).self)
        {
            decisions.append(
                StoredDecision(
                    key: DecisionKey(declarant: declarant, declarationID: id, revision: revision), messageID: message,
                    lane: lane, profileVersion: version, decidedAt: decidedAt, payload: payload, function: function,
                    reference: reference, declaration: declaration))
        }
        return decisions
    }
}
