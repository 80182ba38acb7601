/// The decision log's table and statements, shared by SQLite and PostgreSQL.
///
/// Version 1 kept one decision per (declarant, declaration id). Version 2 adds revisions
/// (amendments and cancellations stored beside the original), the customs reference (MRN) and
/// the declaration snapshot; migrating keeps every version 1 row as an original.
enum DecisionLogSchema {
    static let columns =
        "declarant, declaration_id, revision, message_id, lane, profile_version, decided_at, payload, function, reference, declaration"

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

    /// SQLite cannot change a primary key in place: copy into a new table.
    static let sqliteVersion2 = """
        CREATE TABLE decisions_v2 (
            declarant TEXT NOT NULL,
            declaration_id TEXT NOT NULL,
            revision TEXT NOT NULL DEFAULT '',
            message_id TEXT NOT NULL,
            lane TEXT NOT NULL,
            profile_version TEXT NOT NULL,
            decided_at BIGINT NOT NULL,
            payload TEXT NOT NULL,
            function TEXT NOT NULL DEFAULT 'original',
            reference TEXT NOT NULL DEFAULT '',
            declaration TEXT NOT NULL DEFAULT '',
            PRIMARY KEY (declarant, declaration_id, revision)
        );
        INSERT INTO decisions_v2 (declarant, declaration_id, message_id, lane, profile_version, decided_at, payload)
            SELECT declarant, declaration_id, message_id, lane, profile_version, decided_at, payload FROM decisions;
        DROP TABLE decisions;
        ALTER TABLE decisions_v2 RENAME TO decisions;
        CREATE INDEX decisions_by_declaration_id ON decisions (declaration_id);
        CREATE INDEX decisions_by_time ON decisions (decided_at);
        CREATE INDEX decisions_by_reference ON decisions (reference) WHERE reference <> '';
        """

    static let insert = """
        INSERT INTO decisions (\(columns))
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (declarant, declaration_id, revision) DO NOTHING
        """

    static let selectByKey = "SELECT * FROM decisions WHERE declarant = ? AND declaration_id = ? AND revision = ?"

    /// Every revision of every declaration with an id, oldest first within a declarant.
    static let selectByID =
        "SELECT * FROM decisions WHERE declaration_id = ? ORDER BY declarant, decided_at, function = 'original' DESC, revision"

    /// Every revision of the declaration(s) customs gave a reference.
    static let selectByReference = """
        SELECT * FROM decisions WHERE (declarant, declaration_id) IN
            (SELECT declarant, declaration_id FROM decisions WHERE reference = ?)
        ORDER BY declarant, decided_at, function = 'original' DESC, revision
        """
}

extension DecisionLogSchema {
    /// Version 3: inspection results, beside the decisions they judge.
    static let inspectionsTable = """
        CREATE TABLE IF NOT EXISTS inspections (
            inspection_id TEXT NOT NULL PRIMARY KEY,
            declarant TEXT NOT NULL,
            declaration_id TEXT NOT NULL,
            revision TEXT NOT NULL,
            conforming BOOLEAN NOT NULL,
            inspected_at BIGINT NOT NULL,
            recorded_by TEXT NOT NULL,
            payload TEXT NOT NULL
        )
        """

    static let inspectionsIndex =
        "CREATE INDEX IF NOT EXISTS inspections_by_declaration_id ON inspections (declaration_id)"

    static let inspectionColumns =
        "inspection_id, declarant, declaration_id, revision, conforming, inspected_at, recorded_by, payload"

    static let postgresVersion3 = [
        inspectionsTable, inspectionsIndex, "INSERT INTO fastrelease_schema (version) VALUES (3)",
    ]
}

extension DecisionLogSchema {
    /// Version 4: the history of the profile in force.
    static let profileChangeColumns = "version, previous_version, changed_at, changed_by, summary, files"

    static let sqliteVersion4 = """
        CREATE TABLE IF NOT EXISTS profile_changes (
            sequence INTEGER PRIMARY KEY AUTOINCREMENT,
            version TEXT NOT NULL,
            previous_version TEXT NOT NULL,
            changed_at BIGINT NOT NULL,
            changed_by TEXT NOT NULL,
            summary TEXT NOT NULL,
            files TEXT NOT NULL
        );
        CREATE INDEX IF NOT EXISTS profile_changes_by_version ON profile_changes (version);
        """

    static let postgresVersion4 = [
        """
        CREATE TABLE IF NOT EXISTS profile_changes (
            sequence BIGSERIAL PRIMARY KEY,
            version TEXT NOT NULL,
            previous_version TEXT NOT NULL,
            changed_at BIGINT NOT NULL,
            changed_by TEXT NOT NULL,
            summary TEXT NOT NULL,
            files TEXT NOT NULL
        )
        """,
        "CREATE INDEX IF NOT EXISTS profile_changes_by_version ON profile_changes (version)",
        "INSERT INTO fastrelease_schema (version) VALUES (4)",
    ]
}

extension DecisionLogSchema {
    /// Version 5: decisions of candidate profiles run in shadow mode.
    static let shadowColumns =
        "shadow_version, declarant, declaration_id, revision, live_lane, shadow_lane, decided_at, payload"

    static let shadowTable = """
        CREATE TABLE IF NOT EXISTS shadow_decisions (
            shadow_version TEXT NOT NULL,
            declarant TEXT NOT NULL,
            declaration_id TEXT NOT NULL,
            revision TEXT NOT NULL,
            live_lane TEXT NOT NULL,
            shadow_lane TEXT NOT NULL,
            decided_at BIGINT NOT NULL,
            payload TEXT NOT NULL,
            PRIMARY KEY (shadow_version, declarant, declaration_id, revision)
        )
        """

    static let shadowIndex =
        "CREATE INDEX IF NOT EXISTS shadow_by_version_time ON shadow_decisions (shadow_version, decided_at)"

    static let postgresVersion5 = [shadowTable, shadowIndex, "INSERT INTO fastrelease_schema (version) VALUES (5)"]
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
        "CREATE TABLE IF NOT EXISTS fastrelease_schema (version INT NOT NULL)",
    ]

    static let postgresVersion2 = [
        "ALTER TABLE decisions ADD COLUMN IF NOT EXISTS revision TEXT NOT NULL DEFAULT ''",
        "ALTER TABLE decisions ADD COLUMN IF NOT EXISTS function TEXT NOT NULL DEFAULT 'original'",
        "ALTER TABLE decisions ADD COLUMN IF NOT EXISTS reference TEXT NOT NULL DEFAULT ''",
        "ALTER TABLE decisions ADD COLUMN IF NOT EXISTS declaration TEXT NOT NULL DEFAULT ''",
        "ALTER TABLE decisions DROP CONSTRAINT decisions_pkey",
        "ALTER TABLE decisions ADD PRIMARY KEY (declarant, declaration_id, revision)",
        "CREATE INDEX IF NOT EXISTS decisions_by_reference ON decisions (reference) WHERE reference <> ''",
        "INSERT INTO fastrelease_schema (version) VALUES (2)",
    ]
}
