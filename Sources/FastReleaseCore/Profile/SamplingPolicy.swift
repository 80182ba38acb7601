/// Random selection by credit class ("two randoms, one disclosure").
///
/// A profile publishes, per period (a month, `yyyy-MM`), a commitment: the SHA-256 of that
/// period's secret seed. The seeds themselves are never in a profile: they are read from a
/// seeds file (``SamplingSeeds``) that only operators can read, and revealed after the period
/// ends, when anyone can check them against the commitments and recompute every draw.
public struct SamplingPolicy: Sendable, Hashable {
    /// Rate by credit class key: `red`, `1`, `2`, `3`, `4`, `black`.
    public var rates: [String: Double]
    /// Published commitments by period (`yyyy-MM`): lowercase hexadecimal SHA-256 of the seed.
    public var commitments: [String: String]
    /// The secret seeds, when given (``SamplingSeeds/attach(to:)``). Not part of the profile's
    /// text, version or equality.
    public var seeds: SamplingSeeds {
        didSet { seedsByMonth = Self.index(seeds.byPeriod) }
    }
    /// The same seeds keyed by `yyyyMM` as a number, so a draw needs no date formatting, each
    /// with its SHA-256 blocks hashed once for all the period's draws.
    private var seedsByMonth: [Int: (period: String, seed: String, hash: SHA256.Prefix)]
    /// The lane a drawn declaration gets at least.
    public var lane: Lane
    /// The minimum random rate: no class is drawn less often than this.
    public var minimumRate: Double = 0
    /// Expected rates by port (`*` for every port without its own), by lane: the share of a
    /// port's declarations expected in that lane or a stronger one. While a port runs below, over
    /// the last ``window`` declarations, declarations that would be released are drawn up to it
    /// (``SelectionDesk``).
    public var expected: [String: [Lane: Double]] = [:]
    /// How many of a port's latest declarations the expected rates are measured over.
    public var window: Int = 1000
    /// How far above the day's mean of those qualified and available an examiner's workload may go
    /// (0.25: a quarter above), when examiners are assigned.
    public var examinerLevel: Double = 0.25

    /// Creates a policy.
    public init(
        rates: [String: Double] = [:], commitments: [String: String] = [:], seeds: SamplingSeeds = SamplingSeeds(),
        lane: Lane = .sampleRelease
    ) {
        self.rates = rates
        self.commitments = commitments
        self.seeds = seeds
        seedsByMonth = Self.index(seeds.byPeriod)
        self.lane = lane
    }

    /// The period key (`yyyy-MM`) and its seed, if known, for a month given as `yyyyMM`.
    public func seed(forMonth yearMonth: Int) -> (period: String, seed: String?) {
        if let known = seedsByMonth[yearMonth] { return (known.period, known.seed) }
        return (SamplingSeeds.period(ofMonth: yearMonth), nil)
    }

    /// The period key and its seed, if known, hashed ahead for
    /// ``SamplingDrawer/draw(seed:key:salt:)``, for a month given as `yyyyMM`: one look-up a draw.
    public func seedHash(forMonth yearMonth: Int) -> (period: String, seed: SHA256.Prefix?) {
        if let known = seedsByMonth[yearMonth] { return (known.period, known.hash) }
        return (SamplingSeeds.period(ofMonth: yearMonth), nil)
    }

    /// Whether draws can be made at `now` and in the coming week.
    public enum Readiness: Sendable, Equatable {
        /// The current period has its seed, and so does the next if it starts within 7 days.
        case ready
        /// The current period has its seed; the next starts within 7 days without one.
        case soonMissing(String)
        /// The current period has no seed: declarations that may be drawn cannot be decided.
        case missing(String)
    }

    /// Whether the seeds given cover `now`'s period (and the next, from 7 days before it).
    public func readiness(at now: CivilTime) -> Readiness {
        guard drawsAnything else { return .ready }
        let current = seed(forMonth: now.yearMonth)
        if current.seed == nil {
            return .missing(
                "random selection has no seed for the current period \(current.period); add it to the seeds file (`fastrelease sampling seed --period \(current.period)`) and publish its commitment in the profile"
            )
        }
        let next = seed(forMonth: now.adding(days: 7).yearMonth)
        if next.seed == nil {
            return .soonMissing(
                "random selection has no seed for \(next.period), which starts within 7 days; add it to the seeds file and publish its commitment before then"
            )
        }
        return .ready
    }

    /// Whether any class can be drawn at all (some rate above zero).
    public var drawsAnything: Bool { minimumRate > 0 || !expected.isEmpty || rates.values.contains { $0 > 0 } }

    private static func index(_ seeds: [String: String]) -> [Int: (period: String, seed: String, hash: SHA256.Prefix)] {
        var index: [Int: (period: String, seed: String, hash: SHA256.Prefix)] = [:]
        for (period, seed) in seeds {
            guard let month = CivilTime(iso: period + "-01") else { continue }
            index[month.yearMonth] = (period, seed, SHA256.Prefix(Array(seed.utf8)))
        }
        return index
    }

    public static func == (lhs: SamplingPolicy, rhs: SamplingPolicy) -> Bool {
        lhs.rates == rhs.rates && lhs.commitments == rhs.commitments && lhs.lane == rhs.lane
            && lhs.minimumRate == rhs.minimumRate && lhs.expected == rhs.expected && lhs.window == rhs.window
            && lhs.examinerLevel == rhs.examinerLevel
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(rates)
        hasher.combine(commitments)
        hasher.combine(lane)
        hasher.combine(minimumRate)
        hasher.combine(expected)
        hasher.combine(window)
        hasher.combine(examinerLevel)
    }

    /// The rate for a credit class key, never below ``minimumRate``; `red` falls back to class 1,
    /// `black` to class 4.
    public func rate(for creditClass: String) -> Double {
        max(minimumRate, classRate(creditClass))
    }

    /// The expected rates of a port: its own, else those of `*`.
    public func expectedRates(at port: String) -> [Lane: Double]? {
        expected[port] ?? expected["*"]
    }

    private func classRate(_ creditClass: String) -> Double {
        if let rate = rates[creditClass] { return rate }
        switch creditClass {
        case "red": return rates["1"] ?? 0
        case "black": return rates["4"] ?? 0
        default: return 0
        }
    }
}
