extension SchemaVersions {
    /// Version 10: the decisions' key leads with the declaration id, `(declaration_id, declarant,
    /// revision)`, and the index on the declaration id alone goes, since the key serves its
    /// look-ups.
    ///
    /// Each commit writes every index page that one of its rows lands on. Keyed by declarant
    /// first, a batch's rows landed on as many pages of the key's index as it had declarants,
    /// about one 4 KB page a row beside the row's own, and the index on the id scattered as
    /// much where ids of many enterprises interleave. Now there is one such index, not two,
    /// and where a batch's ids follow one another most of it lands on a few pages. Look-ups by
    /// (declarant, declaration id, revision), by declaration id, and `ON CONFLICT (declarant,
    /// declaration_id, revision)` use the new key as they did the old (its columns are matched
    /// as a set).
    enum Version10 {
        /// SQLite cannot change a primary key in place: copy into a new table (once, at upgrade;
        /// a log of millions of decisions takes a while).
        static let sqlite = [
            decisionsTable("decisions_v10", key: "declaration_id, declarant, revision"),
            "INSERT INTO decisions_v10 SELECT \(columns) FROM decisions ORDER BY rowid",
            "DROP TABLE decisions",
            "ALTER TABLE decisions_v10 RENAME TO decisions",
            "CREATE INDEX decisions_by_time ON decisions (decided_at)",
            "CREATE INDEX decisions_by_reference ON decisions (reference) WHERE reference <> ''",
        ]

        static let postgres = [
            "ALTER TABLE decisions DROP CONSTRAINT decisions_pkey",
            "ALTER TABLE decisions ADD PRIMARY KEY (declaration_id, declarant, revision)",
            "DROP INDEX IF EXISTS decisions_by_declaration_id",
        ]

        private static let columns = """
            declarant, declaration_id, revision, message_id, lane, profile_version, decided_at, payload, \
            function, reference, declaration
            """
    }
}
