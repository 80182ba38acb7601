/// A weighted, explained risk rule from a profile.
///
/// ```yaml
/// - id: FUR-EU-TESTS
///   reason: Fur garments to the EU, US, Japan and Korea are tested every batch
///   when:
///     direction: export
///     item.hs: {prefix: ["4303"]}
///     country.destination: {group: EU_US_JP_KR}
///   lab_tests: [free-formaldehyde, azo-dyes]
///   lane: sample-release
/// ```
///
/// A rule with `evidence` is waived when the reference state shows its tests are already
/// covered (see ``EvidenceKind``): its weight, lane and tests then do not apply.
public struct Rule: Sendable, Hashable {
    /// What the rule is: a standing rule, a time-boxed alert (警示通报) or a campaign.
    public enum Kind: String, Sendable, Hashable, CaseIterable {
        /// A standing rule.
        case rule
        /// A warning notice after nonconforming goods were found.
        case alert
        /// A time-boxed enforcement campaign.
        case campaign
    }

    /// The rule's identifier, unique in its profile.
    public var id: String
    /// What the rule is.
    public var kind: Kind
    /// The plain reason shown in decisions, for officers: never sent to a gateway.
    public var reason: String
    /// What a trader may be told when the rule applies (`trader:` in YAML, such as "present the
    /// CCC certificate or its exemption"); empty to tell nothing beyond the lane.
    public var traderNotice: String
    /// ``reason`` in other languages, by language code (`zh`, `en`), when the profile gives it
    /// per language (`reason: {en: …, zh: …}`); ``RiskProfile/inLanguage(_:)`` writes one in.
    public var reasons: [String: String] = [:]
    /// ``traderNotice`` in other languages, by language code, as ``reasons``.
    public var traderNotices: [String: String] = [:]
    /// Conditions that must all hold.
    public var conditions: [Condition]
    /// What the rule adds to the score when it fires (negative for facilitation).
    public var weight: Int
    /// The minimum lane the rule forces, if any.
    public var lane: Lane?
    /// Laboratory tests the rule requires.
    public var labTests: [String]
    /// What may satisfy `labTests` instead, tried in order; empty for none.
    public var evidence: [EvidenceKind]
    /// When the rule is in force; `nil` for always.
    public var window: ValidityWindow?
    /// Where the rule is written.
    public var position: SourcePosition

    /// Creates a rule.
    public init(
        id: String, kind: Kind = .rule, reason: String, conditions: [Condition], weight: Int = 0,
        lane: Lane? = nil, labTests: [String] = [], evidence: [EvidenceKind] = [], window: ValidityWindow? = nil,
        position: SourcePosition = SourcePosition(source: "", line: 0, column: 0)
    ) {
        self.id = id
        self.kind = kind
        self.reason = reason
        self.conditions = conditions
        self.weight = weight
        self.lane = lane
        self.labTests = labTests
        self.evidence = evidence
        self.window = window
        self.position = position
        traderNotice = ""
    }
}
