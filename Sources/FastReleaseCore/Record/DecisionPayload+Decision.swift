extension DecisionPayload {
    /// The payload of a scored decision: exactly what ``JSONLinesEncoder`` writes for it.
    ///
    /// - Parameters:
    ///   - decision: the decision.
    ///   - extras: the service's members (none on the command line).
    public init(_ decision: Decision, extras: PayloadExtras = .none) {
        let sampling = decision.sampling
        let enterprise = decision.enterprise
        self.init(
            declaration: decision.declarationID, declarant: decision.declarant, message: decision.messageID,
            format: decision.format, direction: decision.direction, function: decision.function,
            lane: .decided(decision.lane), laneSource: decision.laneSource.label, score: decision.score,
            hits: decision.hits.map {
                Hit(
                    rule: $0.ruleID, weight: $0.weight, lane: $0.lane, reason: $0.reason,
                    notice: $0.traderNotice.isEmpty ? nil : $0.traderNotice,
                    items: $0.itemLines.isEmpty ? nil : $0.itemLines, waived: $0.waived ? true : nil,
                    evidence: $0.evidence.isEmpty ? nil : $0.evidence.map(Evidence.init))
            },
            labTests: decision.labTests, writeOffs: decision.writeOffs.isEmpty ? nil : decision.writeOffs,
            sampling: Sampling(
                class: sampling.creditClass, rate: sampling.rate, draw: sampling.draw, drawn: sampling.drawn,
                period: sampling.period, key: sampling.key),
            topUp: decision.topUp, examiner: decision.examiner,
            enterprise: Enterprise(
                code: enterprise.code, role: enterprise.role, class: enterprise.creditClass, list: enterprise.list,
                zone: enterprise.zone, registered: enterprise.registered),
            issues: decision.issues.isEmpty ? nil : decision.issues, profile: decision.profileVersion,
            asOf: decision.asOf.isoText,
            timing: Timing(
                decodeMicroseconds: Self.tenths(decision.timing.decodeMicroseconds),
                scoreMicroseconds: Self.tenths(decision.timing.scoreMicroseconds)),
            receivedMilliseconds: extras.receivedMilliseconds, revision: extras.revision, version: extras.version,
            supersedes: extras.supersedes)
    }

    /// The payload of a withdrawal: a cancellation that took back the revision `withdrawn`.
    ///
    /// - Parameters:
    ///   - cancellation: the cancelling declaration (its message, format and stated reason).
    ///   - key: the declaration withdrawn, with the cancellation's own revision.
    ///   - version: the cancellation's revision number.
    ///   - withdrawn: the revision in force until now.
    public init(withdrawing withdrawn: StoredDecision, by cancellation: Declaration, key: DecisionKey, version: Int) {
        self.init(
            declaration: key.declarationID, declarant: key.declarant, message: cancellation.messageID,
            format: cancellation.format, function: .cancellation, lane: .withdrawn,
            reason: cancellation.reference("StatementDescription") ?? "", revision: key.revision, version: version,
            withdraws: withdrawn.revisionSummary)
    }

    /// Rounds as the byte encoder does: to tenths, never below zero.
    static func tenths(_ value: Double) -> Double {
        Double([UInt8].tenths(value)) / 10
    }
}
