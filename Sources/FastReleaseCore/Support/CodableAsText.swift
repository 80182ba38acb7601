/// A value written in JSON as one string (`"sample-release"`, `"CN"`, `"85109000"`): the text
/// people write, read back through the type's own checked initializer.
public protocol CodableAsText: Codable {
    /// Reads the value from its text, or `nil` when the text is not one.
    init?(codingText: String)
    /// The text written.
    var codingText: String { get }
    /// What the value is, for the error a bad text gives (`lane`, `country`).
    static var codingKind: String { get }
}

extension CodableAsText {
    public init(from decoder: any Decoder) throws {
        self = try Self.decodeText(decoder)
    }

    public func encode(to encoder: any Encoder) throws {
        try encodeText(encoder)
    }

    /// Reads the value's text (for types whose raw value would otherwise be chosen).
    static func decodeText(_ decoder: any Decoder) throws -> Self {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let value = Self(codingText: text) else {
            throw DecodingError.dataCorrupted(
                .init(codingPath: decoder.codingPath, debugDescription: "`\(text)` is not a \(Self.codingKind)"))
        }
        return value
    }

    /// Writes the value's text.
    func encodeText(_ encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(codingText)
    }
}

/// Lanes are written by name (`sample-release`), not by their number.
extension Lane: CodableAsText {
    public init?(codingText: String) { self.init(name: codingText) }
    public var codingText: String { name }
    public static var codingKind: String { "lane" }
    public init(from decoder: any Decoder) throws { self = try Self.decodeText(decoder) }
    public func encode(to encoder: any Encoder) throws { try encodeText(encoder) }
}

extension RecordedLane: CodableAsText {
    public init?(codingText: String) { self.init(name: codingText) }
    public var codingText: String { name }
    public static var codingKind: String { "lane" }
}

/// Codes are written as people write them: `"CN"`, `"85109000"`.
extension CountryCode: CodableAsText {
    public init?(codingText: String) { self.init(codingText) }
    public var codingText: String { description }
    public static var codingKind: String { "country" }
}

extension HSCode: CodableAsText {
    public init?(codingText: String) { self.init(codingText) }
    public var codingText: String { description }
    public static var codingKind: String { "HS code" }
}
