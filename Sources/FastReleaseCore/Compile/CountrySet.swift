/// A set of countries as a 676-bit bitset: membership is one shift and one mask.
public struct CountrySet: Sendable, Hashable {
    private var words: [UInt64]

    /// Creates a set of the given countries.
    public init(_ codes: some Sequence<CountryCode> = []) {
        words = [UInt64](repeating: 0, count: (CountryCode.count + 63) / 64)
        for code in codes { insert(code) }
    }

    /// Adds a country.
    public mutating func insert(_ code: CountryCode) {
        words[code.index >> 6] |= 1 << UInt64(code.index & 63)
    }

    /// Whether the set holds a country.
    @inline(__always)
    public func contains(_ code: CountryCode) -> Bool {
        words[code.index >> 6] & (1 << UInt64(code.index & 63)) != 0
    }

    /// The members, in code order.
    public var members: [CountryCode] {
        (0..<CountryCode.count).compactMap { CountryCode(index: $0) }.filter(contains)
    }
}
