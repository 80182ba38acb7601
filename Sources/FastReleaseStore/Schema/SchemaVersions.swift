/// The statements of each schema version, as ``Migration/all`` lists them.
enum SchemaVersions {
    /// Version 1: one decision per (declarant, declaration id).
    enum Version1 {
        static let statements = [
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

    /// The decisions table of versions 2 on, named `name`, with the primary key `key`.
    static func decisionsTable(_ name: String, key: String) -> String {
        """
        CREATE TABLE \(name) (
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
            PRIMARY KEY (\(key))
        )
        """
    }

    /// Version 2: revisions (amendments and cancellations stored beside the original), the customs
    /// reference (MRN) and the declaration snapshot; every version 1 row is kept as an original.
    enum Version2 {
        /// SQLite cannot change a primary key in place: copy into a new table.
        static let sqlite = [
            decisionsTable("decisions_v2", key: "declarant, declaration_id, revision"),
            """
            INSERT INTO decisions_v2 (declarant, declaration_id, message_id, lane, profile_version, decided_at, payload)
                SELECT declarant, declaration_id, message_id, lane, profile_version, decided_at, payload FROM decisions
            """,
            "DROP TABLE decisions",
            "ALTER TABLE decisions_v2 RENAME TO decisions",
            "CREATE INDEX decisions_by_declaration_id ON decisions (declaration_id)",
            "CREATE INDEX decisions_by_time ON decisions (decided_at)",
            referenceIndex,
        ]

        static let postgres = [
            "ALTER TABLE decisions ADD COLUMN IF NOT EXISTS revision TEXT NOT NULL DEFAULT ''",
            "ALTER TABLE decisions ADD COLUMN IF NOT EXISTS function TEXT NOT NULL DEFAULT 'original'",
            "ALTER TABLE decisions ADD COLUMN IF NOT EXISTS reference TEXT NOT NULL DEFAULT ''",
            "ALTER TABLE decisions ADD COLUMN IF NOT EXISTS declaration TEXT NOT NULL DEFAULT ''",
            "ALTER TABLE decisions DROP CONSTRAINT decisions_pkey",
            "ALTER TABLE decisions ADD PRIMARY KEY (declarant, declaration_id, revision)",
            referenceIndex,
        ]

        private static let referenceIndex =
            "CREATE INDEX IF NOT EXISTS decisions_by_reference ON decisions (reference) WHERE reference <> ''"
    }

    /// Version 3: inspection results, beside the decisions they judge.
    enum Version3 {
        static let statements = [
            """
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
            """,
            "CREATE INDEX IF NOT EXISTS inspections_by_declaration_id ON inspections (declaration_id)",
        ]
    }

    /// Version 4: the history of the profile in force.
    enum Version4 {
        static let sqlite = [table(sequence: "INTEGER PRIMARY KEY AUTOINCREMENT"), index]
        static let postgres = [table(sequence: "BIGSERIAL PRIMARY KEY"), index]

        private static func table(sequence: String) -> String {
            """
            CREATE TABLE IF NOT EXISTS profile_changes (
                sequence \(sequence),
                version TEXT NOT NULL,
                previous_version TEXT NOT NULL,
                changed_at BIGINT NOT NULL,
                changed_by TEXT NOT NULL,
                summary TEXT NOT NULL,
                files TEXT NOT NULL
            )
            """
        }

        private static let index = "CREATE INDEX IF NOT EXISTS profile_changes_by_version ON profile_changes (version)"
    }

    /// Version 5: decisions of candidate profiles run in shadow mode.
    enum Version5 {
        static let statements = [
            """
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
            """,
            "CREATE INDEX IF NOT EXISTS shadow_by_version_time ON shadow_decisions (shadow_version, decided_at)",
        ]
    }

    /// Version 6: the reference state. Every change as it was made (`state_changes`: who, when,
    /// which file, its CSV text); each lot's conforming and written-off quantity in millionths
    /// of its unit (`lot_balances`, updated in the transaction that records a decision); and what
    /// each decision revision wrote off or gave back (`lot_write_offs`).
    enum Version6 {
        static let sqlite = [changes(sequence: "INTEGER PRIMARY KEY AUTOINCREMENT")] + balances
        static let postgres = [changes(sequence: "BIGSERIAL PRIMARY KEY")] + balances

        private static func changes(sequence: String) -> String {
            """
            CREATE TABLE IF NOT EXISTS state_changes (
                sequence \(sequence),
                changed_at BIGINT NOT NULL,
                changed_by TEXT NOT NULL,
                role TEXT NOT NULL,
                file TEXT NOT NULL,
                rows BIGINT NOT NULL,
                content TEXT NOT NULL
            )
            """
        }

        private static let balances = [
            """
            CREATE TABLE IF NOT EXISTS lot_balances (
                lot TEXT NOT NULL PRIMARY KEY,
                conforming BIGINT NOT NULL,
                written_off BIGINT NOT NULL DEFAULT 0
            )
            """,
            """
            CREATE TABLE IF NOT EXISTS lot_write_offs (
                declarant TEXT NOT NULL,
                declaration_id TEXT NOT NULL,
                revision TEXT NOT NULL,
                lot TEXT NOT NULL,
                quantity BIGINT NOT NULL,
                decided_at BIGINT NOT NULL,
                PRIMARY KEY (declarant, declaration_id, revision, lot)
            )
            """,
            "CREATE INDEX IF NOT EXISTS lot_write_offs_by_time ON lot_write_offs (decided_at)",
        ]
    }

    /// Version 7: proposed profile changes, waiting for another operator's approval.
    enum Version7 {
        static let statements = [
            """
            CREATE TABLE IF NOT EXISTS profile_proposals (
                id TEXT NOT NULL PRIMARY KEY,
                version TEXT NOT NULL,
                base_version TEXT NOT NULL,
                proposed_at BIGINT NOT NULL,
                proposed_by TEXT NOT NULL,
                summary TEXT NOT NULL,
                files TEXT NOT NULL,
                review TEXT NOT NULL,
                approvals TEXT NOT NULL,
                status TEXT NOT NULL,
                decided_at BIGINT NOT NULL
            )
            """,
            "CREATE INDEX IF NOT EXISTS profile_proposals_by_time ON profile_proposals (proposed_at)",
        ]
    }

    /// Version 8: the candidate profiles run in shadow mode, so that every instance runs the same one.
    enum Version8 {
        static let sqlite = [table(sequence: "INTEGER PRIMARY KEY AUTOINCREMENT")]
        static let postgres = [table(sequence: "BIGSERIAL PRIMARY KEY")]

        private static func table(sequence: String) -> String {
            """
            CREATE TABLE IF NOT EXISTS shadow_runs (
                sequence \(sequence),
                version TEXT NOT NULL,
                files TEXT NOT NULL,
                started_at BIGINT NOT NULL,
                started_by TEXT NOT NULL,
                stopped_at BIGINT NOT NULL
            )
            """
        }
    }

    /// Version 9: decisions counted per hour by lane and by rule fired (`hourly_counts`, updated in
    /// the transaction that records them), so that the dashboard's figures are a few hundred rows
    /// whatever the traffic; filled from the decisions a log kept before.
    enum Version9 {
        private static let table = """
            CREATE TABLE IF NOT EXISTS hourly_counts (
                hour BIGINT NOT NULL,
                kind TEXT NOT NULL,
                name TEXT NOT NULL,
                n BIGINT NOT NULL,
                PRIMARY KEY (hour, kind, name)
            )
            """
        private static let lanes = """
            INSERT INTO hourly_counts (hour, kind, name, n)
            SELECT (decided_at / 3600000) * 3600000, 'lane', lane, COUNT(*) FROM decisions
            GROUP BY (decided_at / 3600000) * 3600000, lane
            """

        static let sqlite = [table, lanes, rules(PayloadHits.sqlite)]
        static let postgres = [table, lanes, rules(PayloadHits.postgres)]

        /// Each rule's hits per hour, from the payloads' `hits`.
        private static func rules(_ hits: (join: String, rule: String)) -> String {
            """
            INSERT INTO hourly_counts (hour, kind, name, n)
            SELECT (decided_at / 3600000) * 3600000, 'rule', rule, COUNT(*) FROM (
                SELECT d.decided_at AS decided_at, \(hits.rule) AS rule FROM decisions d \(hits.join)
            ) r WHERE rule IS NOT NULL GROUP BY (decided_at / 3600000) * 3600000, rule
            """
        }
    }
}
