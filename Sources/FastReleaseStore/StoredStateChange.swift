import FastReleaseCore

/// One change of the reference state, as the log keeps it: who made it, when, in which role,
/// and the CSV file they sent (the rows it added or replaced). The state is these changes
/// applied in `sequence` order (``ReferenceStateReader/read(files:prefix:onto:)``).
public struct StoredStateChange: Sendable, Hashable {
    /// The change's place in the history (given by the log; 0 before it is recorded).
    public var sequence: Int64
    /// When, in milliseconds since 1970 (UTC).
    public var changedAt: Int64
    /// Who: a token's name, or `import:PATH` for a bulk import.
    public var changedBy: String
    /// The role they acted in (`operator`, `laboratory`).
    public var role: String
    /// The state file the rows are in (`lots.csv`, `lot-tests.csv`, …).
    public var file: String
    /// How many rows it holds.
    public var rows: Int
    /// The file's text.
    public var content: String

    /// Creates a change record.
    public init(
        sequence: Int64 = 0, changedAt: Int64, changedBy: String, role: String, file: String, rows: Int,
        content: String
    ) {
        self.sequence = sequence
        self.changedAt = changedAt
        self.changedBy = changedBy
        self.role = role
        self.file = file
        self.rows = rows
        self.content = content
    }
}

extension StoredStateChange {
    /// The `file` of a change that holds several files (a folder imported at once); its content
    /// is a JSON object of file name → text.
    public static let folderFile = "folder"

    /// The files the change holds, by name.
    public func files() throws -> [String: String] {
        guard file == Self.folderFile else { return [file: content] }
        return try PayloadCoding.decode([String: String].self, from: content)
    }
}
