/// A person or enterprise named in a declaration.
public struct Party: Sendable, Hashable, Codable {
    /// The party's identifier: a customs enterprise code, an EORI, or a personal id.
    public var code: String
    /// The party's name, as declared.
    public var name: String
    /// The party's country, where the format states it.
    public var country: CountryCode?

    /// Creates a party.
    public init(code: String, name: String = "", country: CountryCode? = nil) {
        self.code = code
        self.name = name
        self.country = country
    }
}
