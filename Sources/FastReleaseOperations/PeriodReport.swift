public import FastReleaseCore
public import FastReleaseStore
import Foundation

/// The time-management report (日清周查月通报, "clear daily, check weekly, report monthly"):
/// for a day, a week or a month, the declarations decided, their lanes, how long deciding took,
/// the inspections and what they found, by port and by credit class, and what the decisions
/// rested on in the reference state (``EvidenceSummary``).
public struct PeriodReport: Sendable {
    /// Counts for one group (the whole period, a port, a credit class).
    public struct Group: Sendable {
        public var declarations = 0
        public var lanes: [Lane: Int] = [:]
        public var withdrawn = 0
        public var inspections = 0
        public var nonconforming = 0
    }

    /// The period's name (`2026-11-23`, `2026-11`).
    public var period: String
    public var total = Group()
    public var byPort: [String: Group] = [:]
    public var byClass: [String: Group] = [:]
    /// Decode plus scoring time of each declaration, microseconds.
    public var decideMicroseconds = ValueDistribution()
    /// From the service's receipt of the message to the decision (queueing, decoding, scoring;
    /// before the log write), milliseconds; for decisions that record their receipt.
    public var receiptToDecisionMilliseconds = ValueDistribution()
    /// From the decision that held goods for tests (`sample-release`, `hold`) to the laboratory
    /// results that released them, milliseconds.
    public var holdToReleaseMilliseconds = ValueDistribution()
    /// Held goods that laboratory results found nonconforming.
    public var heldNonconforming = 0
    /// Findings by how often they were reported.
    public var findings: [String: Int] = [:]
    /// Exemptions, write-offs and monitoring (when the log keeps a reference state or a
    /// decision rested on it).
    public var evidence = EvidenceSummary()
    /// Lanes by port, against the expected rates of the profile in force (when the log keeps it).
    public var rates = PortRates()
    /// The sampling policy of the profile in force, from the log's profile history.
    public var sampling: SamplingPolicy?
    /// Declarations drawn at their class's rate, and drawn up to an expected rate.
    public var drawn = (byRate: 0, toppedUp: 0)
    /// Examiners drawn.
    public var examiners = ExaminerSummary()

    /// Reads the decisions made in `[from, to)` (milliseconds since 1970), the inspection
    /// results recorded against them and the reference state; `offsetSeconds` is the zone the
    /// state's times are in (for monitoring that ended or falls due). The newest revision of
    /// each declaration is chosen in the log and read a page at a time, with the page's
    /// inspections, so memory does not grow with the period. `progress` is told how many
    /// declarations have been read.
    public static func make(
        period: String, from: Int64, to: Int64, offsetSeconds: Int = 0, log: any DecisionLog,
        progress: (Int) -> Void = { _ in }
    ) async throws -> PeriodReport {
        var report = PeriodReport(period: period)
        var read = 0
        for try await page in log.newestRevisionPages(decidedFrom: from, to: to) {
            let decisions = page.map(\.decision)
            let inspections = try await log.inspections(of: decisions)
            for decision in decisions {
                report.add(decision, inspections: inspections[decision.key.declarationKey] ?? [])
            }
            read += page.count
            progress(read)
        }
        report.sampling = try await profileInForce(log)?.sampling
        if let state = try await log.referenceState() {
            let latest: Int64 = 253_402_300_799  // 9999-12-31T23:59:59Z, the last time a CivilTime holds
            func civil(_ milliseconds: Int64) -> CivilTime {
                CivilTime(
                    unixSeconds: max(0, min(latest - 86_400 * 8, milliseconds / 1000)), offsetSeconds: offsetSeconds)
            }
            report.evidence.review(state, from: civil(from), to: civil(to))
        }
        return report
    }

    private mutating func add(_ decision: StoredDecision, inspections: [StoredInspection]) {
        let payload = try? decision.decodedPayload()
        let enterprise = payload?.enterprise
        let creditClass = enterprise?.list?.rawValue ?? enterprise.map { String($0.class) } ?? "unknown"
        let port = decision.decodedDeclaration().map { $0.port.isEmpty ? "(none)" : $0.port } ?? "(unknown)"
        if let payload {
            evidence.add(payload)
            if payload.sampling?.drawn == true { drawn.byRate += 1 }
            if payload.topUp != nil { drawn.toppedUp += 1 }
            if let examiner = payload.examiner { examiners.add(examiner) }
            if let lane = decision.lane.lane { rates.count(port: port, lane: lane, toppedUp: payload.topUp != nil) }
        }
        if let timing = payload?.timing {
            decideMicroseconds.add(timing.decodeMicroseconds + timing.scoreMicroseconds)
        }
        if let received = payload?.receivedMilliseconds {
            receiptToDecisionMilliseconds.add(Double(decision.decidedAt - received))
        }
        let held = decision.lane == .decided(.sampleRelease) || decision.lane == .decided(.hold)
        for inspection in inspections where held && inspection.decision == decision.key {
            guard let results = try? InspectionPayload.decode(inspection.payload), !results.labResults.isEmpty else {
                continue
            }
            if inspection.conforming {
                holdToReleaseMilliseconds.add(Double(max(0, inspection.inspectedAt - decision.decidedAt)))
            } else {
                heldNonconforming += 1
            }
        }
        for inspection in inspections {
            for finding in (try? InspectionPayload.decode(inspection.payload))?.findings ?? [] {
                findings[finding, default: 0] += 1
            }
        }
        Self.count(decision, inspections, into: &total)
        Self.count(decision, inspections, into: &byPort[port, default: Group()])
        Self.count(decision, inspections, into: &byClass[creditClass, default: Group()])
    }

    /// The profile in force: the newest in the log's profile history, when it kept its files.
    static func profileInForce(_ log: any DecisionLog) async throws -> RiskProfile? {
        guard let change = try await log.profileChanges(limit: 1).first,
            let bundle = try? JSONDecoder().decode(ProfileBundle.self, from: Data(change.files.utf8)),
            !bundle.files.isEmpty
        else { return nil }
        return try? bundle.load(name: "in-force").profile
    }

    private static func count(_ decision: StoredDecision, _ inspections: [StoredInspection], into group: inout Group) {
        group.declarations += 1
        switch decision.lane {
        case .decided(let lane): group.lanes[lane, default: 0] += 1
        case .withdrawn: group.withdrawn += 1
        }
        group.inspections += inspections.count
        group.nonconforming += inspections.filter { !$0.conforming }.count
    }

    /// `42 min`, `3.5 h`, `2.1 d`.
    static func duration(_ milliseconds: Double) -> String {
        let minutes = milliseconds / 60_000
        if minutes < 120 { return String(format: "%.0f min", minutes) }
        if minutes < 48 * 60 { return String(format: "%.1f h", minutes / 60) }
        return String(format: "%.1f d", minutes / 1440)
    }

    /// The report as a table for the terminal.
    public func text() -> String {
        func row(_ name: String, _ group: Group) -> String {
            let lanes = Lane.allCases.map {
                String(group.lanes[$0] ?? 0).padding(toLength: 9, withPad: " ", startingAt: 0)
            }
            return name.padding(toLength: 22, withPad: " ", startingAt: 0)
                + String(group.declarations).padding(toLength: 10, withPad: " ", startingAt: 0) + lanes.joined()
                + String(group.withdrawn).padding(toLength: 11, withPad: " ", startingAt: 0)
                + "\(group.inspections) (\(group.nonconforming) nonconforming)"
        }
        let header =
            "".padding(toLength: 22, withPad: " ", startingAt: 0) + "declared  "
            + Lane.allCases.map { String($0.name.prefix(8)).padding(toLength: 9, withPad: " ", startingAt: 0) }.joined()
            + "withdrawn  inspections"
        var lines = [
            "report for \(period): \(total.declarations) declarations decided (the newest revision of each)", "",
            header, row("all", total),
        ]
        lines.append("by port")
        for port in byPort.keys.sorted() { lines.append(row("  \(port)", byPort[port]!)) }
        lines.append("by credit class")
        for key in ReplayReport.classOrder + byClass.keys.sorted().filter({ !ReplayReport.classOrder.contains($0) })
        where byClass[key] != nil {
            lines.append(row("  \(key)", byClass[key]!))
        }
        let fractions = [0.5, 0.9, 0.99, 1.0]
        let times = fractions.map {
            decideMicroseconds.percentile($0).map { String(format: "%.0f µs", $0) } ?? "-"
        }
        let waits = fractions.map {
            receiptToDecisionMilliseconds.percentile($0).map { String(format: "%.0f ms", $0) } ?? "-"
        }
        lines.append("")
        lines.append(
            "time from receipt to decision: p50 \(waits[0]), p90 \(waits[1]), p99 \(waits[2]), max \(waits[3]) (\(receiptToDecisionMilliseconds.count) decisions)"
        )
        lines.append(
            "time to decide (decode + score): p50 \(times[0]), p90 \(times[1]), p99 \(times[2]), max \(times[3])")
        let holds = fractions.map {
            holdToReleaseMilliseconds.percentile($0).map { Self.duration($0) } ?? "-"
        }
        lines.append(
            "time from hold to release after laboratory tests: p50 \(holds[0]), p90 \(holds[1]), p99 \(holds[2]), max \(holds[3]) (\(holdToReleaseMilliseconds.count) released, \(heldNonconforming) nonconforming)"
        )
        if !findings.isEmpty {
            lines.append("findings:")
            for (finding, count) in findings.sorted(by: {
                $0.value > $1.value || ($0.value == $1.value && $0.key < $1.key)
            }).prefix(20) {
                lines.append("  \(count) × \(finding)")
            }
        }
        lines += evidence.lines()
        lines.append("")
        lines.append(
            "random selection: \(drawn.byRate) drawn at their class's rate, \(drawn.toppedUp) drawn up to an expected rate"
        )
        if let sampling { lines += rates.lines(expected: sampling) }
        lines += examiners.lines()
        return lines.joined(separator: "\n") + "\n"
    }
}
