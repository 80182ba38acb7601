/// `GET /v1/profile`: the version in force and the history, newest first.
struct ProfileInForce: Encodable {
    let version: String
    let name: String
    let rules: Int
    let history: [ProfileChangeSummary]
}
