/// A risk profile compiled once into indexes, ready to score declarations on any thread.
///
/// Compiling resolves country groups into bitsets, files every rule under an anchor in
/// ``RuleIndex``, and computes the version: a SHA-256 of the profile's canonical text,
/// which covers rules, thresholds, sampling and the enterprise register.
///
/// ```swift
/// let (profile, _) = try ProfileFolder.load("Profiles/default")
/// let compiled = CompiledProfile(profile)
/// print(compiled.version)  // default@3f9a0c1d22b4
/// ```
public final class CompiledProfile: Sendable {
    /// The profile as loaded.
    public let source: RiskProfile
    /// SHA-256 of the canonical text, 64 hex digits.
    public let contentHash: String
    /// `name@` and the first 12 hex digits of the content hash: the version decisions record.
    public let version: String

    let rules: [CompiledRule]
    let index: RuleIndex
    /// Thresholds from the strongest lane down.
    let thresholds: [(lane: Lane, score: Int)]
    /// The enterprise register, laid out for the scorer's lookups.
    let enterprises: EnterpriseTable

    /// Compiles a loaded profile.
    public init(_ profile: RiskProfile) {
        source = profile
        let index = RuleIndex()
        var compiled: [CompiledRule] = []
        for (number, rule) in profile.rules.enumerated() {
            let conditions = rule.conditions.flatMap { CompiledCondition.compile($0, groups: profile.countryGroups) }
            let itemKeys = Set(rule.conditions.filter(\.field.isItemField).map(\.field.key))
            compiled.append(
                CompiledRule(
                    id: rule.id, reason: rule.reason, traderNotice: rule.traderNotice, weight: rule.weight,
                    lane: rule.lane,
                    labTests: rule.labTests, evidence: rule.evidence, window: rule.window,
                    declarationConditions: conditions.filter { !itemKeys.contains($0.key) },
                    itemConditions: conditions.filter { itemKeys.contains($0.key) }))
            index.add(Int32(number), conditions: conditions)
        }
        rules = compiled
        self.index = index
        enterprises = EnterpriseTable(profile.register)
        thresholds = profile.thresholds.map { (lane: $0.key, score: $0.value) }.sorted { $0.lane > $1.lane }
        contentHash = SHA256.hex(Array(profile.canonicalText.utf8))
        version = "\(profile.name)@\(contentHash.prefix(12))"
    }

    /// How many rules the profile has.
    public var ruleCount: Int { rules.count }

    /// How many rules are evaluated for every declaration because no index could hold them.
    public var unanchoredRuleCount: Int { index.unanchored.count }
}
