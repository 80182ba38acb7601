/// The codes whose first `length` digits lie between `low` and `high`: a prefix is the
/// interval with `low == high`, a range such as `6101`…`6117` is one interval.
public struct HSInterval: Sendable, Hashable {
    /// The number of leading digits compared.
    public let length: Int
    /// The lowest value of those digits.
    public let low: UInt64
    /// The highest value of those digits.
    public let high: UInt64

    /// The interval of codes starting with `prefix`.
    public init(prefix: HSCode) {
        length = prefix.length
        low = prefix.value
        high = prefix.value
    }

    /// The interval between two codes of the same length.
    public init(from low: HSCode, through high: HSCode) {
        precondition(low.length == high.length, "range ends must have the same length")
        length = low.length
        self.low = low.value
        self.high = high.value
    }

    /// Whether `code` falls in the interval.
    @inline(__always)
    public func contains(_ code: HSCode) -> Bool {
        guard code.length >= length else { return false }
        let head = code.value / HSCode.powerOfTen(code.length - length)
        return head >= low && head <= high
    }

    /// The fewest prefixes that together cover exactly this interval, for the HS trie.
    ///
    /// Whole decades collapse into a shorter prefix, like a CIDR cover in base ten:
    /// `6100`…`6199` is the single prefix `61`, while `6101`…`6117` needs seventeen.
    public var coveringPrefixes: [HSCode] {
        var prefixes: [HSCode] = []
        var next = low
        while next <= high {
            var dropped = 0
            while dropped < length - 1 {
                let block = HSCode.powerOfTen(dropped + 1)
                guard next % block == 0, next + block - 1 <= high else { break }
                dropped += 1
            }
            prefixes.append(HSCode(value: next / HSCode.powerOfTen(dropped), length: length - dropped)!)
            next += HSCode.powerOfTen(dropped)
        }
        return prefixes
    }
}
