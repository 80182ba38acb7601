import FastReleaseStore

/// One change of the profile in force, without its files.
struct ProfileChangeSummary: Encodable {
    let version: String
    let previous: String
    let changedAt: Int64
    let changedBy: String
    let summary: String

    init(_ change: StoredProfileChange) {
        version = change.version
        previous = change.previousVersion
        changedAt = change.changedAt
        changedBy = change.changedBy
        summary = change.summary
    }

    private enum CodingKeys: String, CodingKey {
        case version, previous, changedAt = "changed_at", changedBy = "changed_by", summary
    }
}
