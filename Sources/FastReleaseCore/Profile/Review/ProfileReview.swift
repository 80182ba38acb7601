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

    private func warning(_ position: SourcePosition, en english: String, zh chinese: String) -> ProfileIssue {
        ProfileIssue(.warning, at: position, OperatorText(en: english, zh: chinese))
    }

    // MARK: Validity windows

    private func windowWarnings(_ rule: Rule) -> [ProfileIssue] {
        guard let window = rule.window else { return [] }
        var issues: [ProfileIssue] = []
        if let until = window.until, until < now {
            issues.append(
                warning(
                    rule.position,
                    en: "\(rule.kind.rawValue) \(rule.id) expired on \(until); "
                        + "it no longer fires: remove it or extend `valid.until`",
                    zh: "\(rule.kind.rawValue) \(rule.id) 已于 \(until) 到期，不再触发：请删除或延长 `valid.until`"))
        } else if let review = window.review, review < now {
            issues.append(
                warning(
                    rule.position,
                    en:
                        "\(rule.kind.rawValue) \(rule.id) was due for review on \(review); review it and move `valid.review`",
                    zh: "\(rule.kind.rawValue) \(rule.id) 应在 \(review) 复核；请复核并更新 `valid.review`"))
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
                        en: "\(second.id) tests the same goods as \(first.id) (\(first.position)) "
                            + "and their windows overlap; the goods get both weights",
                        zh: "\(second.id) 与 \(first.id)（\(first.position)）针对同样的货物，且有效期重叠；货物会得到两者的权重"))
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
        var reasons: [(en: String, zh: String)] = []
        let byField = Dictionary(grouping: rule.conditions, by: { $0.field.name })
        let directions = Set(byField["direction"]?.flatMap(\.codes) ?? [])
        let formats = Set(byField["format"]?.flatMap(\.codes) ?? [])
        if directions == ["export"], !formats.isEmpty, formats.isSubset(of: ["CEB621"]) {
            reasons.append(("CEB621 inventories are imports, and the rule asks for exports", "CEB621 清单是进口，而规则要求出口"))
        }
        if directions == ["import"], !formats.isEmpty, formats.isSubset(of: ["CEB603"]) {
            reasons.append(("CEB603 inventories are exports, and the rule asks for imports", "CEB603 清单是出口，而规则要求进口"))
        }
        let lists = Set(byField["enterprise.list"]?.flatMap(\.codes) ?? [])
        let classes = Set(byField["enterprise.class"]?.flatMap(\.numbers) ?? [])
        if lists == ["black"], !classes.isEmpty, !classes.contains(4) {
            reasons.append(
                (
                    "a black-listed enterprise is class 4, and the rule asks for class \(Self.list(classes))",
                    "黑名单企业是 4 级，而规则要求 \(Self.list(classes)) 级"
                ))
        }
        if lists == ["red"], !classes.isEmpty, !classes.contains(1) {
            reasons.append(
                (
                    "a red-listed enterprise is class 1, and the rule asks for class \(Self.list(classes))",
                    "红名单企业是 1 级，而规则要求 \(Self.list(classes)) 级"
                ))
        }
        if !classes.isEmpty, classes.isDisjoint(with: [1, 2, 3, 4]) {
            reasons.append(
                (
                    "credit classes are 1 to 4, and the rule asks for \(Self.list(classes))",
                    "信用等级是 1 到 4，而规则要求 \(Self.list(classes))"
                ))
        }
        for condition in rule.conditions {
            if let empty = condition.emptyGroups(profile.countryGroups), !empty.isEmpty {
                let names = empty.joined(separator: ", ")
                reasons.append(("country group \(names) has no countries", "国家组 \(names) 没有国家"))
            }
            if condition.boundsExcludeEverything {
                let tests = condition.tests.map(\.description).joined(separator: ", ")
                let field = condition.field.name
                reasons.append(("no value of \(field) meets all of \(tests)", "\(field) 没有同时满足 \(tests) 的值"))
            }
        }
        if let window = rule.window, let from = window.from, let until = window.until, until < from {
            reasons.append(("its window ends before it starts", "其有效期的结束早于开始"))
        }
        return reasons.map {
            warning(
                rule.position, en: "rule \(rule.id) can never fire: \($0.en); fix its conditions or remove it",
                zh: "规则 \(rule.id) 永远不会触发：\($0.zh)；请修改条件或删除")
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
                        en: "HS code \(code) in rule \(rule.id) is in chapter \(String(code.description.prefix(2))), "
                            + "which the Harmonized System does not have",
                        zh: "规则 \(rule.id) 中的 HS 编码 \(code) 属于第 \(String(code.description.prefix(2))) 章，协调制度没有这一章"))
            }
            for country in condition.countries where !ISOCountries.alpha2.contains(country.description) {
                issues.append(
                    warning(
                        condition.position,
                        en:
                            "\(country) in rule \(rule.id) is not an ISO 3166 country code; declarations never carry it",
                        zh: "规则 \(rule.id) 中的 \(country) 不是 ISO 3166 国家代码；申报中不会出现"))
            }
            if condition.field.name.hasSuffix(".code") || condition.field.name == "enterprise.code" {
                for code in condition.codes
                where !condition.field.name.hasPrefix("platform")
                    && profile.register[code] == nil
                {
                    issues.append(
                        warning(
                            condition.position,
                            en: "rule \(rule.id) names enterprise \(code), which is not in the register "
                                + "(\(profile.register.count) enterprises); add it or check the code",
                            zh: "规则 \(rule.id) 写了企业 \(code)，但它不在企业名录中（共 \(profile.register.count) 家）；请补上或核对编码"))
                }
            }
        }
        return issues
    }
}
