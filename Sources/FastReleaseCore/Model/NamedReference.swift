/// One identifier of a declaration, by its name in the message format.
public struct NamedReference: Sendable, Hashable, Codable {
    /// The element's name in the format, such as `preNo`.
    public var name: String
    /// Its value.
    public var value: String

    /// Creates a reference.
    public init(name: String, value: String) {
        self.name = name
        self.value = value
    }
}
