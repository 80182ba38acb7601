public import FastReleaseCore

/// What a period's decisions rested on in the reference state, for the weekly check (周查):
/// exemptions used by kind, lots written off, and monitoring that lapsed in the period or falls
/// due soon after it.
public struct EvidenceSummary: Sendable {
    /// Rules waived on evidence, by kind.
    public var exemptions: [EvidenceKind: Int] = [:]
    /// Quantity written off each lot by the period's decisions in force.
    public var writtenOff: [String: Double] = [:]
    /// Monitored tests whose exemption ended in the period: `enterprise 1105910165: monitoring of azo-dyes lapsed on 2026-11-08`.
    public var ended: [String] = []
    /// Monitored tests that lapse within `dueDays` after the period: `… azo-dyes due by 2026-12-07`.
    public var due: [String] = []
    /// The lots as the state has them now, for what they have left.
    public var lots: [String: TestedLot] = [:]

    /// Days after the period that count as due.
    public static let dueDays = 7

    /// Counts one decision's payload.
    mutating func add(_ payload: DecisionPayload) {
        for hit in payload.hits ?? [] where hit.waived == true {
            if let kind = hit.evidence?.last?.kind { exemptions[kind, default: 0] += 1 }
        }
        for writeOff in payload.writeOffs ?? [] { writtenOff[writeOff.lot, default: 0] += writeOff.quantity }
    }

    /// Notes the monitoring of `state` that ended in `[from, to)` or lapses within ``dueDays`` of `to`.
    mutating func review(_ state: ReferenceState, from: CivilTime, to: CivilTime) {
        lots = state.lots
        var subjects: [(String, [MonitoredTest])] = state.monitoring.values.sorted { $0.enterprise < $1.enterprise }
            .map { ("enterprise \($0.enterprise)", $0.tests) }
        subjects += state.suppliers.values.sorted { $0.code < $1.code }.map { ("supplier \($0.code)", $0.monitoring) }
        for (subject, tests) in subjects {
            for test in tests {
                switch test.status(at: to) {
                case .lapsed(let since) where since >= from:
                    ended.append("\(subject): \(MonitoringStatus.lapsed(since: since).explanation(of: test.test))")
                case .failed(let on) where on >= from:
                    ended.append("\(subject): \(MonitoringStatus.failed(on: on).explanation(of: test.test))")
                case .passing(_, let until) where until < to.adding(days: Self.dueDays):
                    due.append("\(subject): \(test.test) due by \(until.day)")
                default:
                    break
                }
            }
        }
    }

    /// The section's lines.
    func lines() -> [String] {
        let total = exemptions.values.reduce(0, +)
        let kinds = EvidenceKind.allCases.map { "\($0.rawValue) \(exemptions[$0] ?? 0)" }.joined(separator: ", ")
        var lines = ["", "evidence (reference state):", "  exemptions used: \(total) (\(kinds))"]
        if writtenOff.isEmpty {
            lines.append("  lots written off: none")
        } else {
            lines.append("  lots written off:")
            for lot in writtenOff.keys.sorted() {
                let known = lots[lot]
                let left =
                    known.map { ", \(Quantity.text($0.left)) of \(Quantity.text($0.conformingQuantity)) left now" }
                    ?? ""
                lines.append("    \(lot): \(Quantity.text(writtenOff[lot]!)) \(known?.unit ?? "")\(left)")
            }
        }
        lines.append(ended.isEmpty ? "  monitoring ended in the period: none" : "  monitoring ended in the period:")
        lines += ended.map { "    \($0)" }
        lines.append(
            due.isEmpty
                ? "  monitoring due within \(Self.dueDays) days: none" : "  monitoring due within \(Self.dueDays) days:"
        )
        lines += due.map { "    \($0)" }
        return lines
    }
}
