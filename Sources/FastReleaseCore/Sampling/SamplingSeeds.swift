/// The secret seeds of random selection, one per period (`yyyy-MM`), read from a seeds file
/// that only operators can read.
///
/// The file holds one period and its seed per line; `#` starts a comment:
///
/// ```text
/// # fastrelease sampling seeds: keep this file readable by operators only
/// 2026-12 5d0e9c7f3b1a4e2d8c6f0a9b7e5d3c1f
/// ```
///
/// A profile publishes the SHA-256 of each seed (``SamplingPolicy/commitments``) before its
/// period starts; ``problems(against:)`` checks a file against them.
public struct SamplingSeeds: Sendable, Hashable {
    /// Seeds by period.
    public private(set) var byPeriod: [String: String]

    /// Seeds shorter than this are refused: a short seed can be found by trying them all.
    public static let minimumLength = 16

    /// Creates a set of seeds.
    public init(_ byPeriod: [String: String] = [:]) {
        self.byPeriod = byPeriod
    }

    /// The commitment to a seed: lowercase hexadecimal SHA-256 of its UTF-8 bytes, what
    /// `printf '%s' SEED | sha256sum` prints.
    public static func commitment(to seed: String) -> String {
        SHA256.hex(Array(seed.utf8))
    }

    /// `yyyy-MM` of a month given as `yyyyMM`.
    public static func period(ofMonth yearMonth: Int) -> String {
        let month = yearMonth % 100
        return "\(yearMonth / 100)-\(month < 10 ? "0" : "")\(month)"
    }

    /// Whether `text` is a period key, `yyyy-MM`.
    public static func isPeriod(_ text: String) -> Bool {
        text.utf8.count == 7 && CivilTime(iso: text + "-01") != nil
    }

    /// Reads a seeds file's text.
    ///
    /// - Throws: ``ProfileError`` listing every line that is not `yyyy-MM SEED`, a period given
    ///   twice and a seed shorter than ``minimumLength``, at `source:line:column`.
    public static func parse(_ text: String, source: String) throws(ProfileError) -> SamplingSeeds {
        var seeds: [String: String] = [:]
        var issues: [ProfileIssue] = []
        for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let content = line.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).first ?? ""
            let words = content.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\r" })
            if words.isEmpty { continue }
            let at = SourcePosition(source: source, line: index + 1, column: 1)
            guard words.count == 2, isPeriod(String(words[0])) else {
                issues.append(
                    ProfileIssue(.error, at: at, "write each seed as `yyyy-MM SEED` (a month, a space, the seed)"))
                continue
            }
            let period = String(words[0])
            let seed = String(words[1])
            if seed.count < minimumLength {
                issues.append(
                    ProfileIssue(
                        .error, at: at,
                        "the seed for \(period) has \(seed.count) characters; use at least \(minimumLength) (`fastrelease sampling seed` makes 64)"
                    ))
            } else if seeds[period] != nil {
                issues.append(ProfileIssue(.error, at: at, "\(period) has a seed already; keep one per period"))
            } else {
                seeds[period] = seed
            }
        }
        if !issues.isEmpty { throw ProfileError(issues: issues) }
        return SamplingSeeds(seeds)
    }

    /// What is wrong with these seeds for a profile's commitments: a seed that does not match
    /// its period's commitment, and a seed for a period with none published. Empty when every
    /// seed is the one committed to. (A period committed to but without its seed is found when
    /// a draw needs it, or at the service's start for the current period.)
    public func problems(against commitments: [String: String]) -> [String] {
        var problems: [String] = []
        for (period, seed) in byPeriod.sorted(by: { $0.key < $1.key }) {
            guard let published = commitments[period] else {
                problems.append(
                    "the seeds file has a seed for \(period), but the profile publishes no commitment for it; add `\(period): \(Self.commitment(to: seed))` to sampling.commitments"
                )
                continue
            }
            if Self.commitment(to: seed) != published.lowercased() {
                problems.append(
                    "the seed for \(period) does not match the profile's commitment \(published): this is not the seed that was committed to"
                )
            }
        }
        return problems
    }

    /// Adds the seed of a period.
    public mutating func add(_ seed: String, for period: String) {
        byPeriod[period] = seed
    }

    /// The profile with these seeds attached to its sampling policy.
    ///
    /// - Throws: ``ProfileError`` naming `source` with every ``problems(against:)``.
    public func attach(to profile: RiskProfile, source: String) throws(ProfileError) -> RiskProfile {
        let problems = problems(against: profile.sampling.commitments)
        guard problems.isEmpty else {
            throw ProfileError(
                issues: problems.map {
                    ProfileIssue(.error, at: SourcePosition(source: source, line: 1, column: 1), $0)
                })
        }
        var profile = profile
        profile.sampling.seeds = self
        return profile
    }
}
