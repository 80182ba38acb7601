public import FastReleaseCore

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

extension DecisionLog {
    /// The reference state the log keeps as of now: every change applied in order (a change that
    /// no longer applies is skipped and named in `skipped`), with the lots' balances.
    public func referenceState() async throws -> (state: ReferenceState?, skipped: [Int64]) {
        var state = ReferenceState()
        var sequence: Int64 = 0
        var skipped: [Int64] = []
        var page = try await stateChanges(after: 0, limit: 1000)
        while let last = page.last {
            for change in page {
                do {
                    state = try ReferenceStateReader().read(files: try change.files(), onto: state)
                } catch {
                    skipped.append(change.sequence)
                }
            }
            sequence = last.sequence
            page = try await stateChanges(after: sequence, limit: 1000)
        }
        guard sequence > 0 else { return (nil, skipped) }
        let balances = try await lotWrittenOff()
        return (state.withBalances(balances.mapValues { Double($0) / 1e6 }), skipped)
    }
}
