public import Foundation

/// The JSON settings every `Codable` payload uses, so that what one part writes another reads.
public enum PayloadCoding {
    /// A decoder for payloads.
    public static let decoder = JSONDecoder()

    /// An encoder with sorted keys and unescaped slashes (a fresh one: `JSONEncoder` is not `Sendable`).
    public static func encoder() -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return encoder
    }

    /// `value` as JSON bytes.
    public static func bytes(of value: some Encodable) throws -> [UInt8] {
        Array(try encoder().encode(value))
    }

    /// `value` as JSON text.
    public static func text(of value: some Encodable) throws -> String {
        String(decoding: try encoder().encode(value), as: UTF8.self)
    }

    /// A value read from JSON text.
    public static func decode<Value: Decodable>(_ type: Value.Type, from json: String) throws -> Value {
        try decoder.decode(type, from: Data(json.utf8))
    }
}
