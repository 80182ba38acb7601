extension RiskProfile {
    /// A canonical text of everything that affects decisions, one fact per line, in a fixed
    /// order. Comments, layout and file boundaries do not change it; any change of rules,
    /// thresholds, sampling, groups or register entries does. Its SHA-256 is the version.
    public var canonicalText: String {
        if decisionLanguage != nil { return inLanguage(language).canonicalText }
        var lines = [
            "fastrelease-profile \(ProfileLoader.formatVersion)", "name \(name)", "timezone \(timeZoneOffsetSeconds)",
        ]
        if language != "en" { lines.append("language \(language)") }
        lines.append("enterprise-roles \(enterpriseRoles.map(\.rawValue).joined(separator: ","))")
        lines.append("unregistered-class \(unregisteredClass)")
        for (group, members) in countryGroups.sorted(by: { $0.key < $1.key }) {
            lines.append("group \(group) \(members.sorted().map(\.description).joined(separator: ","))")
        }
        for (lane, score) in thresholds.sorted(by: { $0.key < $1.key }) {
            lines.append("threshold \(lane.name) \(score)")
        }
        lines.append("sampling-lane \(sampling.lane.name)")
        for (key, rate) in sampling.rates.sorted(by: { $0.key < $1.key }) { lines.append("rate \(key) \(rate)") }
        if sampling.minimumRate > 0 { lines.append("minimum-rate \(sampling.minimumRate)") }
        for (port, rates) in sampling.expected.sorted(by: { $0.key < $1.key }) {
            for (lane, rate) in rates.sorted(by: { $0.key < $1.key }) {
                lines.append("expected \(port) \(lane.name) \(rate)")
            }
        }
        if !sampling.expected.isEmpty { lines.append("window \(sampling.window)") }
        if sampling.examinerLevel != 0.25 { lines.append("examiner-level \(sampling.examinerLevel)") }
        for (period, commitment) in sampling.commitments.sorted(by: { $0.key < $1.key }) {
            lines.append("commitment \(period) \(commitment)")
        }
        for rule in rules {
            let window = rule.window.map { "\($0.from?.description ?? "-") \($0.until?.description ?? "-")" } ?? "- -"
            lines.append(
                "rule \(rule.id) \(rule.kind.rawValue) \(rule.weight) \(rule.lane?.name ?? "-") \(window) \(rule.labTests.joined(separator: ","))"
                    + (rule.evidence.isEmpty ? "" : " evidence=\(rule.evidence.map(\.rawValue).joined(separator: ","))")
            )
            lines.append(" reason \(rule.reason)")
            if !rule.traderNotice.isEmpty { lines.append(" trader \(rule.traderNotice)") }
            for (code, text) in rule.reasons.sorted(by: { $0.key < $1.key }) { lines.append(" reason.\(code) \(text)") }
            for (code, text) in rule.traderNotices.sorted(by: { $0.key < $1.key }) {
                lines.append(" trader.\(code) \(text)")
            }
            for condition in rule.conditions {
                lines.append(
                    " when \(condition.field.name) \(condition.tests.map(\.description).joined(separator: "; "))")
            }
        }
        for enterprise in register.enterprises.values.sorted(by: { $0.code < $1.code }) {
            let list = enterprise.list?.rawValue ?? "-"
            lines.append(
                "enterprise \(enterprise.code)|\(enterprise.name)|\(enterprise.creditClass)|\(list)|\(enterprise.zone)")
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
