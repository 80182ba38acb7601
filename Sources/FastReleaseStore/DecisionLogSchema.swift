/// The decision log's table and statements, shared by SQLite and PostgreSQL.
enum DecisionLogSchema {
    static let sqliteVersion1 = """
        CREATE TABLE IF NOT EXISTS decisions (
            declarant TEXT NOT NULL,
            declaration_id TEXT NOT NULL,
            message_id TEXT NOT NULL,
            lane TEXT NOT NULL,
            profile_version TEXT NOT NULL,
            decided_at BIGINT NOT NULL,
            payload TEXT NOT NULL,
            PRIMARY KEY (declarant, declaration_id)
        );
        CREATE INDEX IF NOT EXISTS decisions_by_declaration_id ON decisions (declaration_id);
        CREATE INDEX IF NOT EXISTS decisions_by_time ON decisions (decided_at);
        """

    static let insert = """
        INSERT INTO decisions (declarant, declaration_id, message_id, lane, profile_version, decided_at, payload)
        VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (declarant, declaration_id) DO NOTHING
        """

    static let selectByKey = "SELECT * FROM decisions WHERE declarant = ? AND declaration_id = ?"

    static let selectByID = "SELECT * FROM decisions WHERE declaration_id = ? ORDER BY declarant"
}

extension DecisionLogSchema {
    static let postgresVersion1 = [
        """
        CREATE TABLE IF NOT EXISTS decisions (
            declarant TEXT NOT NULL,
            declaration_id TEXT NOT NULL,
            message_id TEXT NOT NULL,
            lane TEXT NOT NULL,
            profile_version TEXT NOT NULL,
            decided_at BIGINT NOT NULL,
            payload TEXT NOT NULL,
            PRIMARY KEY (declarant, declaration_id)
        )
        """,
        "CREATE INDEX IF NOT EXISTS decisions_by_declaration_id ON decisions (declaration_id)",
        "CREATE INDEX IF NOT EXISTS decisions_by_time ON decisions (decided_at)",
    ]
}
