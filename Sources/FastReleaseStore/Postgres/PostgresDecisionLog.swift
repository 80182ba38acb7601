#if PostgreSQL
    public import FastReleaseCore
    public import Logging
    import PostgresNIO
    public import ServiceLifecycle

    /// The shared decision log: PostgreSQL tables that several FastRelease instances write to.
    ///
    /// The connection pool must be running (`run()`, as a `Service` in the service group) before
    /// `prepare()` and `record`. Each batch is one `INSERT … SELECT unnest(…) ON CONFLICT DO
    /// NOTHING RETURNING` statement: one round trip, committed (and, with PostgreSQL's default
    /// `synchronous_commit`, on disk) when it returns. When two instances insert the same key at
    /// once, PostgreSQL makes the second wait for the first and skip its row, so each declaration
    /// gets exactly one decision.
    public final class PostgresDecisionLog: SQLBackedLog, Service {
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

        /// Runs `body` with the log's pool running and the tables prepared, then stops the pool: for
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

        /// Applies the steps of ``Migration/all`` not yet applied; safe when several instances start at once.
        public func prepare() async throws {
            do {
                try await client.withTransaction(logger: logger) { connection in
                    try await connection.query("SELECT pg_advisory_xact_lock(7741001)", logger: logger)
                    try await connection.query(
                        "CREATE TABLE IF NOT EXISTS fastrelease_schema (version INT NOT NULL)", logger: logger)
                    var applied = 0
                    let rows = try await connection.query(
                        "SELECT COALESCE(MAX(version), 0) FROM fastrelease_schema", logger: logger)
                    for try await found in rows.decode(Int.self) { applied = found }
                    for migration in Migration.all where migration.version > applied {
                        for statement in migration.postgres {
                            try await connection.query(PostgresQuery(unsafeSQL: statement), logger: logger)
                        }
                        try await connection.query(
                            "INSERT INTO fastrelease_schema (version) VALUES (\(migration.version))", logger: logger)
                    }
                }
            } catch {
                throw DecisionLogError("cannot prepare the PostgreSQL decision log: \(String(reflecting: error))")
            }
        }

        func write<Row: ReadableRow>(_ sql: String, _ arguments: [ColumnValue]) async throws -> [Row] {
            try await fetch(sql, arguments)
        }

        func announceProfileChange(_ detail: String) async throws {
            try await client.query("SELECT pg_notify(\(Self.profileChannel), \(detail))", logger: logger)
        }

        static let payloadHits = PayloadHits.postgres

        static func jsonText(_ column: String, _ path: [String]) -> String {
            "(NULLIF(\(column), '')::jsonb #>> '{\(path.joined(separator: ","))}')"
        }

        func fetch<Row: ReadableRow>(_ sql: String, _ arguments: [ColumnValue]) async throws -> [Row] {
            let rows = try await client.query(PostgresQuery(sql, arguments), logger: logger)
            var found: [Row] = []
            for try await row in rows { found.append(try Row(reading: row.makeRandomAccess())) }
            return found
        }

        public func record(_ batch: [StoredDecision]) async throws -> [RecordOutcome] {
            let (unique, firstIndex) = batch.firstOfEachKey()
            if unique.contains(where: { !$0.claims.isEmpty }) {
                return try await recordWithClaims(batch, unique, firstIndex)
            }
            let logger = self.logger
            let inserted = try await client.withTransaction(logger: logger) { connection in
                var inserted = Set<DecisionKey>()
                let rows = try await connection.query(
                    PostgresQuery(
                        StoredDecision.unnestInsert(
                            "ON CONFLICT (declarant, declaration_id, revision) DO NOTHING RETURNING declarant, declaration_id, revision"
                        ), StoredDecision.columnArrays(unique)), logger: logger)
                for try await row in rows { inserted.insert(try DecisionKeyRow(reading: row.makeRandomAccess()).key) }
                try await Self.addHourlyCounts(of: unique, recorded: inserted, connection, logger)
                return inserted
            }
            let missing = unique.filter { !inserted.contains($0.key) }
            var existing: [DecisionKey: StoredDecision] = [:]
            if !missing.isEmpty {
                let stored: [StoredDecision] = try await fetch(
                    """
                    SELECT \(StoredDecision.columnList) FROM decisions WHERE (declarant, declaration_id, revision) IN
                        (SELECT * FROM unnest(?::text[], ?::text[], ?::text[]))
                    """,
                    [
                        .textArray(missing.map(\.key.declarant)), .textArray(missing.map(\.key.declarationID)),
                        .textArray(missing.map(\.key.revision)),
                    ])
                for decision in stored { existing[decision.key] = decision }
            }
            return outcomes(for: batch, firstIndex: firstIndex, inserted: inserted, existing: existing)
        }

        /// Adds what newly recorded decisions count per hour, in the transaction that records them.
        private static func addHourlyCounts(
            of decisions: [StoredDecision], recorded: Set<DecisionKey>, _ connection: PostgresConnection,
            _ logger: Logger
        ) async throws {
            let counts = HourlyCounts.adding(decisions, recorded: recorded)
            guard !counts.isEmpty else { return }
            try await connection.query(
                PostgresQuery(HourlyCounts.addMany, HourlyCounts.columnArrays(counts)), logger: logger)
        }

        /// A batch with write-offs: one transaction, each decision inserted in a savepoint with its
        /// claims. A claim's `UPDATE … WHERE written_off + q <= conforming` takes the lot's row lock,
        /// so an instance writing off the same lot waits for this one to commit and then sees what
        /// is left: a lot is never overdrawn.
        private func recordWithClaims(_ batch: [StoredDecision], _ unique: [StoredDecision], _ firstIndex: [Int])
            async throws -> [RecordOutcome]
        {
            let logger = self.logger
            let (inserted, existing, overdrawn) = try await client.withTransaction(logger: logger) { connection in
                var inserted = Set<DecisionKey>()
                var existing: [DecisionKey: StoredDecision] = [:]
                var overdrawn: [DecisionKey: String] = [:]
                let insert = StoredDecision.insertStatement(
                    "ON CONFLICT (declarant, declaration_id, revision) DO NOTHING RETURNING 1 AS n")
                func run(_ sql: String, _ arguments: [ColumnValue]) async throws -> Int {
                    let rows = try await connection.query(PostgresQuery(sql, arguments), logger: logger)
                    var count = 0
                    for try await _ in rows { count += 1 }
                    return count
                }
                for decision in unique {
                    _ = try await run("SAVEPOINT claim", [])
                    guard try await run(insert, decision.values) > 0 else {
                        _ = try await run("RELEASE SAVEPOINT claim", [])
                        let rows = try await connection.query(
                            PostgresQuery(LogQueries.decisionByKey, decision.key.values), logger: logger)
                        for try await row in rows {
                            existing[decision.key] = try StoredDecision(reading: row.makeRandomAccess())
                        }
                        continue
                    }
                    var refused: String? = nil
                    for claim in decision.claims where refused == nil {
                        let (sql, arguments) = LotStatements.apply(claim)
                        if try await run(sql + " RETURNING 1 AS n", arguments) == 0 {
                            refused = claim.lot
                        } else {
                            _ = try await run(LotStatements.ledger, LotStatements.ledgerArguments(claim, of: decision))
                        }
                    }
                    if let refused {
                        _ = try await run("ROLLBACK TO SAVEPOINT claim", [])
                        overdrawn[decision.key] = refused
                    } else {
                        _ = try await run("RELEASE SAVEPOINT claim", [])
                        inserted.insert(decision.key)
                    }
                }
                try await Self.addHourlyCounts(of: unique, recorded: inserted, connection, logger)
                return (inserted, existing, overdrawn)
            }
            return outcomes(
                for: batch, firstIndex: firstIndex, inserted: inserted, existing: existing, overdrawn: overdrawn)
        }

        public func record(_ change: StoredStateChange, lots: [String: LotSetting]) async throws -> Int64 {
            let logger = self.logger
            return try await client.withTransaction(logger: logger) { connection in
                // One change at a time, so that sequence numbers become visible in their order and a
                // reader that has seen change n has seen every change before it.
                try await connection.query("SELECT pg_advisory_xact_lock(7741002)", logger: logger)
                var sequence: Int64 = 0
                let rows = try await connection.query(
                    PostgresQuery(StoredStateChange.insertStatement("RETURNING sequence"), change.values),
                    logger: logger)
                for try await found in rows.decode(Int64.self) { sequence = found }
                for (lot, setting) in lots.sorted(by: { $0.key < $1.key }) {
                    try await connection.query(
                        PostgresQuery(LotStatements.setConforming, LotStatements.arguments(lot, setting)),
                        logger: logger)
                }
                return sequence
            }
        }

        public func record(_ inspection: StoredInspection) async throws -> InspectionOutcome {
            let inserted: [CountRow] = try await fetch(
                StoredInspection.insertStatement("ON CONFLICT (inspection_id) DO NOTHING RETURNING 1 AS n"),
                inspection.values)
            if !inserted.isEmpty { return .recorded(inspection) }
            let stored: [StoredInspection] = try await fetch(
                LogQueries.inspectionByID, [.text(inspection.inspectionID)])
            return .replayed(stored.first ?? inspection)
        }

        public func record(shadow: [StoredShadowDecision]) async throws {
            guard !shadow.isEmpty else { return }
            let _: [CountRow] = try await fetch(
                StoredShadowDecision.unnestInsert("ON CONFLICT DO NOTHING RETURNING 1 AS n"),
                StoredShadowDecision.columnArrays(shadow))
        }

        /// Records the change and, in the same transaction, tells every instance listening
        /// (``followProfileChanges(_:)``): the notification is sent when the change commits.
        public func record(_ change: StoredProfileChange) async throws {
            try await client.withTransaction(logger: logger) { connection in
                try await connection.query(
                    PostgresQuery(StoredProfileChange.insertStatement(""), change.values), logger: logger)
                try await connection.query(
                    "SELECT pg_notify(\(Self.profileChannel), \(change.version))", logger: logger)
            }
        }
    }

    extension PostgresDecisionLog: ProfileChangeFeed {
        /// The notification channel of profile changes.
        static let profileChannel = "fastrelease_profile_changes"

        /// Listens on one of the pool's connections for as long as the task runs.
        public func followProfileChanges(_ onChange: @escaping @Sendable () async -> Void) async throws {
            while !Task.isCancelled {
                do {
                    try await client.withConnection { connection in
                        try await connection.listen(on: Self.profileChannel) { notifications in
                            await onChange()
                            for try await _ in notifications { await onChange() }
                        }
                    }
                } catch  where !Task.isCancelled {
                    logger.warning(
                        "profile change feed lost; listening again in 1 s",
                        metadata: ["error.message": "\(String(reflecting: error))"])
                    try await Task.sleep(for: .seconds(1))
                }
            }
        }
    }

    /// The key columns an insert returns.
    private struct DecisionKeyRow: ReadableRow {
        let key: DecisionKey

        init(reading row: some RowReader) throws {
            key = try DecisionKey(reading: row)
        }
    }
#endif
