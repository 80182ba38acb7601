/// One rule that fired for a declaration, with what it contributed.
public struct RuleHit: Sendable, Hashable {
    /// The rule's identifier in the profile.
    public var ruleID: String
    /// What the rule adds to the score (negative for facilitation).
    public var weight: Int
    /// The minimum lane the rule forces, if any.
    public var lane: Lane?
    /// The plain reason written in the profile.
    public var reason: String
    /// The goods lines that matched, for rules that test items; empty otherwise.
    public var itemLines: [Int]

    /// Creates a hit.
    public init(ruleID: String, weight: Int, lane: Lane?, reason: String, itemLines: [Int]) {
        self.ruleID = ruleID
        self.weight = weight
        self.lane = lane
        self.reason = reason
        self.itemLines = itemLines
    }
}
