/// How often a rule fired in a window, and what inspections found where it did.
public struct RuleStatistic: Sendable, Hashable {
    /// The rule's id.
    public var rule: String
    /// Decision revisions it fired on.
    public var hits: Int
    /// Of them, on declarations with an inspection result.
    public var withResults: Int
    /// Of those, on declarations an inspection found nonconforming.
    public var nonconforming: Int

    /// Creates a statistic.
    public init(rule: String, hits: Int, withResults: Int, nonconforming: Int) {
        self.rule = rule
        self.hits = hits
        self.withResults = withResults
        self.nonconforming = nonconforming
    }
}
