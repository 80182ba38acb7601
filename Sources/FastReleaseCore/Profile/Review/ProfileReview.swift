/// Doubts about a profile that loads: rules that can never fire, alerts that have expired,
/// are overdue for review or overlap, HS chapters and country codes that do not exist, and
/// rules about enterprises the register does not know. `fastrelease profile check` prints them
/// beside the loader's own errors and warnings.
public struct ProfileReview {
    let profile: RiskProfile
    let now: CivilTime

    /// Creates a review of `profile` as of `now` (the profile's local time).
    public init(profile: RiskProfile, now: CivilTime) {
        self.profile = profile
        self.now = now
    }

    /// Every warning, in rule order.
    public func warnings() -> [ProfileIssue] {
        var issues: [ProfileIssue] = []
        for rule in profile.rules {
            issues += windowWarnings(rule)
            issues += neverFires(rule)
            issues += unknownCodes(rule)
        }
        issues += overlappingAlerts()
        return issues
    }

    private func warning(_ position: SourcePosition, _ message: String) -> ProfileIssue {
        ProfileIssue(.warning, at: position, message)
    }

    // MARK: Validity windows

    private func windowWarnings(_ rule: Rule) -> [ProfileIssue] {
        guard let window = rule.window else { return [] }
        var issues: [ProfileIssue] = []
        if let until = window.until, until < now {
            issues.append(
                warning(
                    rule.position,
                    "\(rule.kind.rawValue) \(rule.id) expired on \(until); it no longer fires: remove it or extend `valid.until`"
                ))
        } else if let review = window.review, review < now {
            issues.append(
                warning(
                    rule.position,
                    "\(rule.kind.rawValue) \(rule.id) was due for review on \(review); review it and move `valid.review`"
                ))
        }
        return issues
    }

    /// Alerts and campaigns with the same conditions whose windows overlap: the goods get the
    /// weight twice, which is seldom what was meant.
    private func overlappingAlerts() -> [ProfileIssue] {
        let timed = profile.rules.filter { $0.kind != .rule && $0.window != nil }
        var issues: [ProfileIssue] = []
        for (index, first) in timed.enumerated() {
            for second in timed[(index + 1)...]
            where Set(first.conditions.map(\.key)) == Set(second.conditions.map(\.key)) {
                guard let a = first.window, let b = second.window, Self.overlap(a, b) else { continue }
                issues.append(
                    warning(
                        second.position,
                        "\(second.id) tests the same goods as \(first.id) (\(first.position)) and their windows overlap; the goods get both weights"
                    ))
            }
        }
        return issues
    }

    private static func overlap(_ a: ValidityWindow, _ b: ValidityWindow) -> Bool {
        let aStarts = a.from?.value ?? .min
        let aEnds = a.until?.value ?? .max
        let bStarts = b.from?.value ?? .min
        let bEnds = b.until?.value ?? .max
        return aStarts <= bEnds && bStarts <= aEnds
    }

    // MARK: Rules that can never fire

    private func neverFires(_ rule: Rule) -> [ProfileIssue] {
        var reasons: [String] = []
        let byField = Dictionary(grouping: rule.conditions, by: { $0.field.name })
        let directions = Set(byField["direction"]?.flatMap(\.codes) ?? [])
        let formats = Set(byField["format"]?.flatMap(\.codes) ?? [])
        if directions == ["export"], !formats.isEmpty, formats.isSubset(of: ["CEB621"]) {
            reasons.append("CEB621 inventories are imports, and the rule asks for exports")
        }
        if directions == ["import"], !formats.isEmpty, formats.isSubset(of: ["CEB603"]) {
            reasons.append("CEB603 inventories are exports, and the rule asks for imports")
        }
        let lists = Set(byField["enterprise.list"]?.flatMap(\.codes) ?? [])
        let classes = Set(byField["enterprise.class"]?.flatMap(\.numbers) ?? [])
        if lists == ["black"], !classes.isEmpty, !classes.contains(4) {
            reasons.append("a black-listed enterprise is class 4, and the rule asks for class \(Self.list(classes))")
        }
        if lists == ["red"], !classes.isEmpty, !classes.contains(1) {
            reasons.append("a red-listed enterprise is class 1, and the rule asks for class \(Self.list(classes))")
        }
        if !classes.isEmpty, classes.isDisjoint(with: [1, 2, 3, 4]) {
            reasons.append("credit classes are 1 to 4, and the rule asks for \(Self.list(classes))")
        }
        for condition in rule.conditions {
            if let empty = condition.emptyGroups(profile.countryGroups), !empty.isEmpty {
                reasons.append("country group \(empty.joined(separator: ", ")) has no countries")
            }
            if condition.boundsExcludeEverything {
                reasons.append(
                    "no value of \(condition.field.name) meets all of \(condition.tests.map(\.description).joined(separator: ", "))"
                )
            }
        }
        if let window = rule.window, let from = window.from, let until = window.until, until < from {
            reasons.append("its window ends before it starts")
        }
        return reasons.map {
            warning(rule.position, "rule \(rule.id) can never fire: \($0); fix its conditions or remove it")
        }
    }

    private static func list(_ numbers: Set<Double>) -> String {
        numbers.sorted().map { $0 == $0.rounded() ? String(Int($0)) : String($0) }.joined(separator: ", ")
    }

    // MARK: Codes that do not exist

    private func unknownCodes(_ rule: Rule) -> [ProfileIssue] {
        var issues: [ProfileIssue] = []
        for condition in rule.conditions {
            for code in condition.hsCodes
            where code.length >= 2 && !HSChapters.exists(code.digit(at: 0) * 10 + code.digit(at: 1)) {
                issues.append(
                    warning(
                        condition.position,
                        "HS code \(code) in rule \(rule.id) is in chapter \(String(code.description.prefix(2))), which the Harmonized System does not have"
                    ))
            }
            for country in condition.countries where !ISOCountries.alpha2.contains(country.description) {
                issues.append(
                    warning(
                        condition.position,
                        "\(country) in rule \(rule.id) is not an ISO 3166 country code; declarations never carry it"))
            }
            if condition.field.name.hasSuffix(".code") || condition.field.name == "enterprise.code" {
                for code in condition.codes
                where !condition.field.name.hasPrefix("platform")
                    && profile.register[code] == nil
                {
                    issues.append(
                        warning(
                            condition.position,
                            "rule \(rule.id) names enterprise \(code), which is not in the register (\(profile.register.count) enterprises); add it or check the code"
                        ))
                }
            }
        }
        return issues
    }
}
