import Foundation

/// Declarations as JSON, so that the decision log can keep the declaration a decision was
/// made on: an amendment that carries only its changes is merged with it, and replays can
/// score it again.
///
/// ```swift
/// let json = try DeclarationSnapshot.encode(declaration)
/// let again = try DeclarationSnapshot.decode(json)  // == declaration
/// ```
public enum DeclarationSnapshot {
    /// The declaration as one JSON object.
    public static func encode(_ declaration: Declaration) throws -> String {
        if DeclarationSnapshotWriter.canWrite(declaration) {
            var writer = DeclarationSnapshotWriter()
            defer { writer.deallocate() }
            writer.write(declaration)
            return String(decoding: writer.bytes.written, as: UTF8.self)
        }
        return try foundationEncoded(declaration)
    }

    /// The same JSON through Foundation's `JSONEncoder`: what ``encode(_:)`` matches byte for
    /// byte (a test compares them), and what it falls back to for numbers JSON cannot hold,
    /// which `JSONEncoder` refuses with its error.
    public static func foundationEncoded(_ declaration: Declaration) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(declaration), as: UTF8.self)
    }

    /// A declaration read back from ``encode(_:)``.
    public static func decode(_ json: String) throws -> Declaration {
        try JSONDecoder().decode(Declaration.self, from: Data(json.utf8))
    }
}

extension Direction: Codable {}
extension DeclarationFunction: Codable {}

extension Parties: Codable {
    public init(from decoder: any Decoder) throws {
        self.init()
        let container = try decoder.container(keyedBy: PartyRoleKey.self)
        for role in PartyRole.allCases {
            self[role] = try container.decodeIfPresent(Party.self, forKey: PartyRoleKey(role))
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: PartyRoleKey.self)
        for role in PartyRole.allCases {
            try container.encodeIfPresent(self[role], forKey: PartyRoleKey(role))
        }
    }

    private struct PartyRoleKey: CodingKey {
        var stringValue: String
        var intValue: Int? { nil }
        init(_ role: PartyRole) { stringValue = role.rawValue }
        init?(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }
}

/// Times are written as their compact number, `20260315153555`.
extension CivilTime: Codable {
    public init(from decoder: any Decoder) throws {
        let value = try decoder.singleValueContainer().decode(Int64.self)
        guard let time = CivilTime(compact: String(value)) else {
            throw DecodingError.dataCorrupted(
                .init(codingPath: decoder.codingPath, debugDescription: "bad time \(value)"))
        }
        self = time
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(value)
    }
}
