/// A bearer token and who holds it.
///
/// Written in configuration as `role:name:token`, for example
/// `gateway:ningbo-port:5f0c…`. The token is a secret: it is compared, never logged.
public struct AccessToken: Sendable {
    /// What the holder may do.
    public var role: Role
    /// Who holds it (written to logs instead of the token).
    public var name: String
    /// The secret itself.
    public var token: String

    /// Creates a token.
    public init(role: Role, name: String, token: String) {
        self.role = role
        self.name = name
        self.token = token
    }

    /// Parses `role:name:token`.
    public init(parsing text: String) throws(SettingsError) {
        let parts = text.split(separator: ":", maxSplits: 2, omittingEmptySubsequences: false).map(String.init)
        guard parts.count == 3, let role = Role(rawValue: parts[0]), !parts[1].isEmpty, parts[2].count >= 16 else {
            throw SettingsError(
                "auth.tokens entries are `role:name:token` with role gateway, viewer, inspector, laboratory or operator and a token of at least 16 characters; one entry is not"
            )
        }
        self.init(role: role, name: parts[1], token: parts[2])
    }
}
