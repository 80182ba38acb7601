/// One change of the profile in force, as the profile history keeps it.
public struct StoredProfileChange: Sendable, Hashable {
    /// The version put in force (`name@hash`).
    public var version: String
    /// The version it replaced; empty for the first one recorded.
    public var previousVersion: String
    /// When, in milliseconds since 1970 (UTC).
    public var changedAt: Int64
    /// Who: the operator's token name, `SIGHUP`, or `startup`.
    public var changedBy: String
    /// What changed, in one line.
    public var summary: String
    /// The profile's files (a `ProfileBundle` as JSON), to put this version back.
    public var files: String

    /// Creates a change record.
    public init(
        version: String, previousVersion: String, changedAt: Int64, changedBy: String, summary: String, files: String
    ) {
        self.version = version
        self.previousVersion = previousVersion
        self.changedAt = changedAt
        self.changedBy = changedBy
        self.summary = summary
        self.files = files
    }
}
