import Foundation

/// The JSON texts the store keeps for the service (profile bundles, proposal reviews and
/// approvals): written with sorted keys, so the same value is always the same text, and read back.
enum StoredJSON {
    /// `value` as the store keeps it.
    static func text(of value: some Encodable) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }

    /// The value a stored text holds.
    static func value<Value: Decodable>(_ type: Value.Type, from text: String) throws -> Value {
        try JSONDecoder().decode(type, from: Data(text.utf8))
    }
}
