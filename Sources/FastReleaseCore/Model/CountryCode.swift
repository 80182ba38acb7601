/// An ISO 3166-1 alpha-2 country code held in two bytes.
///
/// Country codes are stored as a small integer (`0..<676`) so that country groups can be
/// compiled into bitsets and per-country rule buckets can be plain arrays.
///
/// ```swift
/// let japan = CountryCode("JP")!
/// print(japan)  // JP
/// ```
public struct CountryCode: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// Number of possible codes (26 × 26).
    public static let count = 676

    /// The code's position in `0..<676`: `(first letter) × 26 + (second letter)`.
    public let index: Int

    /// Creates a code from its position in `0..<676`.
    public init?(index: Int) {
        guard (0..<Self.count).contains(index) else { return nil }
        self.index = index
    }

    /// Creates a code from two ASCII letters, in either case; `nil` for anything else.
    public init?(_ text: some StringProtocol) {
        let bytes = Array(text.utf8)
        guard bytes.count == 2, let code = Self(bytes[0], bytes[1]) else { return nil }
        self = code
    }

    /// Creates a code from two ASCII letter bytes.
    public init?(_ first: UInt8, _ second: UInt8) {
        guard let a = Self.letterIndex(first), let b = Self.letterIndex(second) else { return nil }
        index = a * 26 + b
    }

    /// The two upper-case letters.
    public var description: String {
        String(decoding: [UInt8(65 + index / 26), UInt8(65 + index % 26)], as: UTF8.self)
    }

    public static func < (lhs: CountryCode, rhs: CountryCode) -> Bool { lhs.index < rhs.index }

    private static func letterIndex(_ byte: UInt8) -> Int? {
        switch byte {
        case 65...90: Int(byte - 65)
        case 97...122: Int(byte - 97)
        default: nil
        }
    }
}
