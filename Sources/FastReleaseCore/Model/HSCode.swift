/// A Harmonized System commodity code: up to 12 digits, held as a number and a length.
///
/// Leading zeros matter (`0402` is a chapter-4 code), so the length is kept beside the value.
/// Dots and spaces are ignored when parsing, so `"6101.10"` and `"610110"` are the same code.
///
/// ```swift
/// let code = HSCode("8541401000")!
/// code.hasPrefix(HSCode("8541")!)  // true
/// ```
public struct HSCode: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// The most digits a code may have.
    public static let maximumLength = 12

    /// The digits as a number (leading zeros are implied by `length`).
    public let value: UInt64
    /// How many digits the code has, `1...12`.
    public let length: Int

    /// Creates a code from a digit count and value; `nil` when they do not fit together.
    public init?(value: UInt64, length: Int) {
        guard (1...Self.maximumLength).contains(length), value < Self.powerOfTen(length) else { return nil }
        self.value = value
        self.length = length
    }

    /// Parses digits, ignoring `.` and spaces; `nil` for anything else or for no digits.
    public init?(_ text: some StringProtocol) {
        guard let (value, length) = Self.digits(text.utf8) else { return nil }
        self.init(value: value, length: length)
    }

    /// Parses digits from UTF-8 bytes, as `init?(_:)` does from text.
    ///
    /// Decoders call this on the bytes libxml2 hands them: a generic `StringProtocol` argument
    /// from another module runs unspecialized, byte by byte through witness tables.
    public init?(utf8 bytes: UnsafeRawBufferPointer) {
        guard let (value, length) = Self.digits(bytes) else { return nil }
        self.init(value: value, length: length)
    }

    /// The number and count of the digits in `bytes`, skipping `.` and spaces.
    private static func digits(_ bytes: some Sequence<UInt8>) -> (value: UInt64, length: Int)? {
        var value: UInt64 = 0
        var length = 0
        for byte in bytes {
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"):
                length += 1
                guard length <= maximumLength else { return nil }
                value = value * 10 + UInt64(byte - UInt8(ascii: "0"))
            case UInt8(ascii: "."), UInt8(ascii: " "):
                continue
            default:
                return nil
            }
        }
        return (value, length)
    }

    /// The digit at `position` (0 is the first digit).
    public func digit(at position: Int) -> Int {
        Int(value / Self.powerOfTen(length - 1 - position) % 10)
    }

    /// Whether this code starts with the digits of `prefix`.
    public func hasPrefix(_ prefix: HSCode) -> Bool {
        guard prefix.length <= length else { return false }
        return value / Self.powerOfTen(length - prefix.length) == prefix.value
    }

    /// The digits, with leading zeros.
    public var description: String {
        let digits = String(value)
        return String(repeating: "0", count: length - digits.count) + digits
    }

    /// Orders codes as their digit strings would sort.
    public static func < (lhs: HSCode, rhs: HSCode) -> Bool {
        let common = max(lhs.length, rhs.length)
        let left = lhs.value * powerOfTen(common - lhs.length)
        let right = rhs.value * powerOfTen(common - rhs.length)
        return left != right ? left < right : lhs.length < rhs.length
    }

    /// `10^exponent` for `0...12`.
    @inline(__always)
    static func powerOfTen(_ exponent: Int) -> UInt64 {
        powersOfTen[exponent]
    }

    private static let powersOfTen: [UInt64] = (0...maximumLength).map { exponent in
        (0..<exponent).reduce(UInt64(1)) { power, _ in power * 10 }
    }
}
