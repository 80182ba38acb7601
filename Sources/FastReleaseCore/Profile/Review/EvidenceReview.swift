/// Rules that name evidence the reference state cannot hold: no lot tested for their tests, no
/// unit consumption to write a lot off by, no registered supplier or enterprise monitored for
/// them, or no state at all. Such a rule always applies as written, which is seldom what its
/// author meant. `fastrelease profile check` prints these beside the profile's own warnings.
///
/// ```swift
/// let warnings = EvidenceReview(profile: profile, state: state).warnings()
/// ```
public struct EvidenceReview {
    let profile: RiskProfile
    let state: ReferenceState?

    /// Creates a review of `profile`'s evidence against `state` (`nil` when there is none).
    public init(profile: RiskProfile, state: ReferenceState?) {
        self.profile = profile
        self.state = state
    }

    /// One warning per rule and kind of evidence that cannot be held, in rule order.
    public func warnings() -> [ProfileIssue] {
        profile.rules.filter { !$0.evidence.isEmpty }.flatMap { rule -> [ProfileIssue] in
            guard let state else {
                let kinds = rule.evidence.map(\.rawValue).joined(separator: ", ")
                return [
                    warning(
                        rule,
                        (
                            en: "rule \(rule.id) names evidence (\(kinds)) but there is no reference state "
                                + "(a state/ folder beside the profile, or --state); it always applies as written",
                            zh: "规则 \(rule.id) 写了证据（\(kinds)），但没有参考状态"
                                + "（风险配置旁的 state/ 目录或 --state）；它总是按原样适用"
                        ))
                ]
            }
            return rule.evidence.compactMap { kind in problem(kind, rule, state).map { warning(rule, $0) } }
        }
    }

    private func warning(_ rule: Rule, _ message: (en: String, zh: String)) -> ProfileIssue {
        ProfileIssue(.warning, at: rule.position, OperatorText(en: message.en, zh: message.zh))
    }

    private func tests(_ rule: Rule) -> String { rule.labTests.joined(separator: " and ") }
    private func testsInChinese(_ rule: Rule) -> String { rule.labTests.joined(separator: "、") }

    private func problem(_ kind: EvidenceKind, _ rule: Rule, _ state: ReferenceState) -> (en: String, zh: String)? {
        switch kind {
        case .lot:
            let tested = state.lots.values.contains { $0.covers(tests: rule.labTests).covered }
            if !tested {
                return (
                    "rule \(rule.id) names lot evidence, but no lot in the state passed \(tests(rule)); "
                        + "it cannot release on a lot",
                    "规则 \(rule.id) 写了批次证据，但状态中没有通过 \(testsInChinese(rule)) 的批次；不能凭批次放行"
                )
            }
            if state.consumption.isEmpty {
                return (
                    "rule \(rule.id) names lot evidence, but the state has no unit consumption "
                        + "(unit-consumption.csv), so nothing can be written off",
                    "规则 \(rule.id) 写了批次证据，但状态中没有单耗（unit-consumption.csv），无法核销"
                )
            }
        case .supplier:
            let monitored = state.suppliers.values.contains { supplier in
                supplier.standing == .registered
                    && rule.labTests.allSatisfy { test in supplier.monitoring.contains { $0.test == test } }
            }
            if !monitored {
                return (
                    "rule \(rule.id) names supplier evidence, but no registered supplier in the state "
                        + "is monitored for \(tests(rule))",
                    "规则 \(rule.id) 写了供应商证据，但状态中没有针对 \(testsInChinese(rule)) 受监测的备案供应商"
                )
            }
        case .monitoring:
            let monitored = state.monitoring.values.contains { record in
                rule.labTests.allSatisfy { test in record.tests.contains { $0.test == test } }
            }
            if !monitored {
                return (
                    "rule \(rule.id) names monitoring evidence, but no enterprise in the state is monitored for \(tests(rule))",
                    "规则 \(rule.id) 写了监测证据，但状态中没有针对 \(testsInChinese(rule)) 受监测的企业"
                )
            }
        }
        return nil
    }
}
