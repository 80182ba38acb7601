/// One step of the decision log's schema, with its statements for each backend.
///
/// ``Migration/all`` is the one ordered list; both backends run it the same way: every step
/// not yet applied, in order, each in the transaction that records it. SQLite records steps by
/// ``name`` (GRDB's migrator); PostgreSQL by ``version`` (table `fastrelease_schema`, taken
/// under an advisory lock so that instances starting together migrate once).
struct Migration: Sendable {
    /// The step's number, from 1.
    let version: Int
    /// The step's name.
    let name: String
    /// SQLite's statements.
    let sqlite: [String]
    /// PostgreSQL's statements.
    let postgres: [String]

    /// The same statements on both backends.
    init(_ version: Int, _ name: String, both: [String]) {
        self.init(version, name, sqlite: both, postgres: both)
    }

    init(_ version: Int, _ name: String, sqlite: [String], postgres: [String]) {
        self.version = version
        self.name = name
        self.sqlite = sqlite
        self.postgres = postgres
    }

    /// The step that copies an SQLite log's decisions into a table keyed by declaration id.
    static let keyedByDeclarationID = "decisions-v10-key-by-declaration-id"

    /// Every step, oldest first. Never change a step that has shipped: add one.
    static let all: [Migration] = [
        Migration(1, "decisions-v1", both: SchemaVersions.Version1.statements),
        Migration(
            2, "decisions-v2-revisions", sqlite: SchemaVersions.Version2.sqlite,
            postgres: SchemaVersions.Version2.postgres),
        Migration(3, "decisions-v3-inspections", both: SchemaVersions.Version3.statements),
        Migration(
            4, "decisions-v4-profile-changes", sqlite: SchemaVersions.Version4.sqlite,
            postgres: SchemaVersions.Version4.postgres),
        Migration(5, "decisions-v5-shadow", both: SchemaVersions.Version5.statements),
        Migration(
            6, "decisions-v6-reference-state", sqlite: SchemaVersions.Version6.sqlite,
            postgres: SchemaVersions.Version6.postgres),
        Migration(7, "decisions-v7-profile-proposals", both: SchemaVersions.Version7.statements),
        Migration(
            8, "decisions-v8-shadow-runs", sqlite: SchemaVersions.Version8.sqlite,
            postgres: SchemaVersions.Version8.postgres),
        Migration(
            9, "decisions-v9-hourly-counts", sqlite: SchemaVersions.Version9.sqlite,
            postgres: SchemaVersions.Version9.postgres),
        Migration(
            10, keyedByDeclarationID, sqlite: SchemaVersions.Version10.sqlite,
            postgres: SchemaVersions.Version10.postgres),
    ]
}
