/// Random selection by credit class, with one seed per period.
public struct SamplingPolicy: Sendable, Hashable {
    /// Rate by credit class key: `red`, `1`, `2`, `3`, `4`, `black`.
    public var rates: [String: Double]
    /// Seeds by period (`yyyy-MM`), plus `default` for periods without their own seed.
    public var seeds: [String: String] {
        didSet { seedsByMonth = Self.index(seeds) }
    }
    /// The same seeds keyed by `yyyyMM` as a number, so a draw needs no date formatting.
    private var seedsByMonth: [Int: (period: String, seed: String)]
    /// The lane a drawn declaration gets at least.
    public var lane: Lane

    /// Creates a policy.
    public init(rates: [String: Double] = [:], seeds: [String: String] = ["default": ""], lane: Lane = .sampleRelease) {
        self.rates = rates
        self.seeds = seeds
        seedsByMonth = Self.index(seeds)
        self.lane = lane
    }

    /// The period key and seed for a month given as `yyyyMM`.
    public func seed(forMonth yearMonth: Int) -> (period: String, seed: String) {
        seedsByMonth[yearMonth] ?? ("default", seeds["default"] ?? "")
    }

    private static func index(_ seeds: [String: String]) -> [Int: (period: String, seed: String)] {
        var index: [Int: (period: String, seed: String)] = [:]
        for (period, seed) in seeds {
            guard let month = CivilTime(iso: period + "-01") else { continue }
            index[Int(month.value / 100_000_000)] = (period, seed)
        }
        return index
    }

    public static func == (lhs: SamplingPolicy, rhs: SamplingPolicy) -> Bool {
        lhs.rates == rhs.rates && lhs.seeds == rhs.seeds && lhs.lane == rhs.lane
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(rates)
        hasher.combine(seeds)
        hasher.combine(lane)
    }

    /// The rate for a credit class key; `red` falls back to class 1, `black` to class 4.
    public func rate(for creditClass: String) -> Double {
        if let rate = rates[creditClass] { return rate }
        switch creditClass {
        case "red": return rates["1"] ?? 0
        case "black": return rates["4"] ?? 0
        default: return 0
        }
    }
}
