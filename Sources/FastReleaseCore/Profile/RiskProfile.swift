/// A risk profile as written by operators, checked but not yet compiled.
///
/// Load one with ``ProfileLoader``, then compile it with ``CompiledProfile/init(_:)``.
public struct RiskProfile: Sendable {
    /// The profile's name, such as `default`.
    public var name: String
    /// What the profile is for.
    public var summary: String
    /// The offset east of UTC, in seconds, of the local time used when a declaration states none.
    public var timeZoneOffsetSeconds: Int
    /// The enterprise register.
    public var register: EnterpriseRegister
    /// Which parties are looked up in the register, in order: the first registered one is
    /// "the enterprise" of the declaration.
    public var enterpriseRoles: [PartyRole]
    /// The credit class of an enterprise the register does not know.
    public var unregisteredClass: Int
    /// Named country groups.
    public var countryGroups: [String: Set<CountryCode>]
    /// The score at or above which each lane applies.
    public var thresholds: [Lane: Int]
    /// Random selection.
    public var sampling: SamplingPolicy
    /// The rules, in profile order.
    public var rules: [Rule]
    /// The language the profile writes rule reasons and trader notices in (`language:`, a code
    /// such as `en` or `zh`; `en` unless the profile says otherwise).
    public var language = "en"
    /// The language ``inLanguage(_:)`` put the rules' texts in, when not ``language``.
    public private(set) var decisionLanguage: String?

    /// Creates a profile.
    public init(
        name: String, summary: String = "", timeZoneOffsetSeconds: Int = 0, register: EnterpriseRegister = .init(),
        enterpriseRoles: [PartyRole] = [.seller, .exporter, .declarant], unregisteredClass: Int = 3,
        countryGroups: [String: Set<CountryCode>] = [:], thresholds: [Lane: Int] = [:],
        sampling: SamplingPolicy = .init(), rules: [Rule] = []
    ) {
        self.name = name
        self.summary = summary
        self.timeZoneOffsetSeconds = timeZoneOffsetSeconds
        self.register = register
        self.enterpriseRoles = enterpriseRoles
        self.unregisteredClass = unregisteredClass
        self.countryGroups = countryGroups
        self.thresholds = thresholds
        self.sampling = sampling
        self.rules = rules
    }
}

extension RiskProfile {
    /// The profile with every rule's reason and trader notice in the language `code` where the
    /// profile gives one in it (the others keep the text they had), for decisions written in
    /// that language (`fastrelease score --language zh`). The version does not change.
    ///
    /// ```swift
    /// let chinese = CompiledProfile(profile.inLanguage("zh"))
    /// ```
    public func inLanguage(_ code: String) -> RiskProfile {
        let current = decisionLanguage ?? language
        guard code != current else { return self }
        func swap(_ text: inout String, _ others: inout [String: String]) {
            guard let translated = others.removeValue(forKey: code) else { return }
            others[current] = text
            text = translated
        }
        var profile = self
        profile.rules = rules.map { rule in
            var rule = rule
            swap(&rule.reason, &rule.reasons)
            swap(&rule.traderNotice, &rule.traderNotices)
            return rule
        }
        profile.decisionLanguage = code == language ? nil : code
        return profile
    }

    /// The languages the rules are written in: the profile's own first, then those some rule
    /// gives a text in.
    public var languages: [String] {
        let current = decisionLanguage ?? language
        let others = Set(rules.flatMap { Array($0.reasons.keys) + Array($0.traderNotices.keys) } + [current])
        return [language] + others.subtracting([language]).sorted()
    }
}
