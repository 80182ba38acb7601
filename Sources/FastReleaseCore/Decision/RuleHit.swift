/// One rule that fired for a declaration, with what it contributed.
public struct RuleHit: Sendable, Hashable {
    /// The rule's identifier in the profile.
    public var ruleID: String
    /// What the rule adds to the score (negative for facilitation).
    public var weight: Int
    /// The minimum lane the rule forces, if any.
    public var lane: Lane?
    /// The plain reason written in the profile, for officers.
    public var reason: String
    /// What the trader may be told (the rule's `trader:`); empty for nothing.
    public var traderNotice: String = ""
    /// The goods lines that matched, for rules that test items; empty otherwise.
    public var itemLines: [Int]
    /// What the reference state showed for the rule's lab tests, for rules that name evidence.
    public var evidence: [EvidenceFinding]

    /// Whether evidence satisfied the rule's tests: its weight, lane and tests then do not apply.
    public var waived: Bool { evidence.last?.satisfied ?? false }

    /// Creates a hit.
    public init(
        ruleID: String, weight: Int, lane: Lane?, reason: String, itemLines: [Int], evidence: [EvidenceFinding] = []
    ) {
        self.ruleID = ruleID
        self.weight = weight
        self.lane = lane
        self.reason = reason
        self.itemLines = itemLines
        self.evidence = evidence
    }
}
