import FastReleaseStore

/// `GET /v1/state/changes`: the history of the reference state.
struct StateChanges: Encodable {
    struct Change: Encodable {
        let sequence: Int64
        let changedAt: Int64
        let changedBy: String
        let role: String
        let file: String
        let rows: Int
        let content: String

        enum CodingKeys: String, CodingKey {
            case sequence, changedAt = "changed_at_ms", changedBy = "changed_by", role, file, rows, content
        }

        init(_ change: StoredStateChange) {
            sequence = change.sequence
            changedAt = change.changedAt
            changedBy = change.changedBy
            role = change.role
            file = change.file
            rows = change.rows
            content = change.content
        }
    }

    let changes: [Change]
}
