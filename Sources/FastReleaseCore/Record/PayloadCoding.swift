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
}
