import FastReleaseCore

/// A small, fast, seedable random generator (SplitMix64): the same seed gives the same
/// sequence on every machine, so a corpus is reproducible byte for byte.
struct CorpusRandom {
    private var state: UInt64

    /// Seeds from text: the first 8 bytes of its SHA-256.
    init(seed: String) {
        state = SHA256.digest(Array(seed.utf8)).prefix(8).reduce(0) { $0 << 8 | UInt64($1) }
    }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A whole number in `range`.
    mutating func int(_ range: ClosedRange<Int>) -> Int {
        range.lowerBound + Int(next() % UInt64(range.count))
    }

    /// A number in `[0, 1)`.
    mutating func unit() -> Double {
        Double(next() >> 11) / 9_007_199_254_740_992
    }

    /// Whether an event of probability `p` happens.
    mutating func chance(_ p: Double) -> Bool { unit() < p }

    /// An element chosen by weight.
    mutating func pick<T>(_ table: WeightedTable<T>) -> T {
        table.element(at: unit())
    }
}
