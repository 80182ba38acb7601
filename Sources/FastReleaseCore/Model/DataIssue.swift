/// Something odd in a declaration that did not stop it from being decided.
///
/// Issues travel with the declaration into its decision, and rules can test them
/// (`issues: {has: [unknown-country]}`), so that poor data can raise the lane.
public struct DataIssue: Sendable, Hashable, Codable {
    /// A short stable code, such as `unknown-country` or `price-mismatch`.
    public var code: String
    /// What was found and where, for a person.
    public var detail: String

    /// Creates an issue.
    public init(code: String, detail: String) {
        self.code = code
        self.detail = detail
    }
}
