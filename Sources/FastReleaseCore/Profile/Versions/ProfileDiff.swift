/// What changed between two versions of a profile, in words an operator reads in the history.
public struct ProfileDiff: Sendable, Hashable {
    /// Rules only in the new version.
    public var added: [String] = []
    /// Rules only in the old version.
    public var removed: [String] = []
    /// Rules in both whose content differs.
    public var changed: [String] = []
    /// Other changes: thresholds, sampling, register, country groups, roles.
    public var settings: [String] = []

    /// Compares two profiles.
    public init(from old: RiskProfile, to new: RiskProfile) {
        let oldRules = Dictionary(
            old.rules.map { ($0.id, Self.comparable($0)) }, uniquingKeysWith: { first, _ in first })
        let newRules = Dictionary(
            new.rules.map { ($0.id, Self.comparable($0)) }, uniquingKeysWith: { first, _ in first })
        added = new.rules.map(\.id).filter { oldRules[$0] == nil }
        removed = old.rules.map(\.id).filter { newRules[$0] == nil }
        changed = new.rules.map(\.id).filter { id in oldRules[id].map { $0 != newRules[id] } ?? false }
        if old.thresholds != new.thresholds { settings.append("lane thresholds") }
        if old.sampling != new.sampling { settings.append("sampling") }
        if old.register != new.register {
            settings.append("enterprise register (\(old.register.count) → \(new.register.count) enterprises)")
        }
        if old.countryGroups != new.countryGroups { settings.append("country groups") }
        if old.enterpriseRoles != new.enterpriseRoles || old.unregisteredClass != new.unregisteredClass {
            settings.append("enterprise roles")
        }
        if old.timeZoneOffsetSeconds != new.timeZoneOffsetSeconds { settings.append("time zone") }
    }

    /// Whether nothing that decides changed.
    public var isEmpty: Bool { added.isEmpty && removed.isEmpty && changed.isEmpty && settings.isEmpty }

    /// One line: `added A, B; removed C; changed D; also lane thresholds`.
    public var summary: String {
        var parts: [String] = []
        if !added.isEmpty { parts.append("added \(added.joined(separator: ", "))") }
        if !removed.isEmpty { parts.append("removed \(removed.joined(separator: ", "))") }
        if !changed.isEmpty { parts.append("changed \(changed.joined(separator: ", "))") }
        if !settings.isEmpty { parts.append("also \(settings.joined(separator: ", "))") }
        return parts.isEmpty ? "no change to rules or settings" : parts.joined(separator: "; ")
    }

    /// A rule without where it is written, so that moving it is not a change.
    private static func comparable(_ rule: Rule) -> Rule {
        var rule = rule
        rule.position = SourcePosition(source: "", line: 0, column: 0)
        rule.conditions = rule.conditions.map { condition in
            var condition = condition
            condition.position = SourcePosition(source: "", line: 0, column: 0)
            return condition
        }
        return rule
    }
}
