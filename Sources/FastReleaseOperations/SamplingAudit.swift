public import FastReleaseCore
public import FastReleaseStore

/// The check of one period's random selection from the decision log, once its seed is revealed:
/// the seed against its published commitment, then every draw recomputed.
///
/// For each recorded decision whose draw was made in the period: the key is made again from the
/// declaration the log kept (``ConsignmentKey``), the draw recomputed from the seed and the key,
/// `drawn` checked against the rate, and a drawn declaration's lane checked to be at least the
/// sampling lane; a top-up's draw (`top-up|key`) recomputed and checked against its chance, and an
/// examiner's draw (`examiner|key`) recomputed and checked to pick the examiner named among
/// those eligible.
///
/// ```swift
/// let audit = try await SamplingAudit.verify(
///     period: "2026-11", seed: seed, commitment: commitment, lane: .sampleRelease, log: log)
/// print(audit.text())
/// ```
public struct SamplingAudit: Sendable {
    /// A recorded decision whose draw is not what the seed gives.
    public struct Mismatch: Sendable, Hashable {
        /// The decision (`declarant/id` and revision).
        public var decision: String
        /// What differs.
        public var what: String
    }

    /// The period checked.
    public var period: String
    /// Whether the seed is the one committed to.
    public var seedMatchesCommitment: Bool
    /// Decisions whose draw was made in the period.
    public var checked = 0
    /// Of those, how many were drawn.
    public var drawn = 0
    /// Draws that differ from what the seed gives.
    public var mismatches: [Mismatch] = []

    /// Whether the period passes: the seed matches and every draw is recomputed as recorded.
    public var passed: Bool { seedMatchesCommitment && mismatches.isEmpty }

    /// Verifies a period.
    ///
    /// - Parameters:
    ///   - period: `yyyy-MM`.
    ///   - seed: the revealed seed.
    ///   - commitment: the commitment published for the period.
    ///   - lane: the profile's sampling lane (a drawn declaration's lane is at least this).
    ///   - log: the decision log.
    ///   - progress: told how many decisions have been read.
    public static func verify(
        period: String, seed: String, commitment: String, lane: Lane, log: any DecisionLog,
        progress: (Int) -> Void = { _ in }
    ) async throws -> SamplingAudit {
        var audit = SamplingAudit(
            period: period, seedMatchesCommitment: SamplingSeeds.commitment(to: seed) == commitment.lowercased())
        guard audit.seedMatchesCommitment, let start = CivilTime(iso: period + "-01T00:00:00") else { return audit }
        // Draws of a period are made in it; a day either side covers every time zone.
        let from = (start.unixSeconds(offsetSeconds: 0) - 86_400) * 1000
        let to = (start.adding(days: 32).unixSeconds(offsetSeconds: 0) + 86_400) * 1000
        var read = 0
        for try await page in log.decisionPages(decidedFrom: from, to: to) {
            for stored in page {
                audit.check(stored, seed: seed, lane: lane)
            }
            read += page.count
            progress(read)
        }
        return audit
    }

    private mutating func check(_ stored: StoredDecision, seed: String, lane: Lane) {
        guard let payload = try? stored.decodedPayload(), let sampling = payload.sampling, sampling.period == period
        else { return }
        checked += 1
        if sampling.drawn { drawn += 1 }
        let name = "\(stored.key.declarant)/\(stored.key.declarationID) \(stored.key.revision)"
        func mismatch(_ what: String) { mismatches.append(Mismatch(decision: name, what: what)) }
        guard let key = sampling.key else {
            mismatch("the record has no draw key (made before draws were keyed on the consignment)")
            return
        }
        if let declaration = stored.decodedDeclaration(), ConsignmentKey.of(declaration) != key {
            mismatch("recorded key `\(key)`, but the declaration kept gives `\(ConsignmentKey.of(declaration))`")
        }
        let draw = SamplingDrawer.draw(seed: seed, key: key)
        guard sampling.draw == draw else {
            mismatch("recorded draw \(sampling.draw.map { String($0) } ?? "none"), the seed gives \(draw)")
            return
        }
        if sampling.drawn != (draw < sampling.rate) {
            mismatch("draw \(draw) against rate \(sampling.rate) is recorded as \(sampling.drawn ? "" : "not ")drawn")
        }
        if sampling.drawn, stored.function != .cancellation, let decided = stored.lane.lane, decided < lane {
            mismatch("drawn, but decided \(decided.name), below the sampling lane \(lane.name)")
        }
        if let topUp = payload.topUp {
            let recomputed = SamplingDrawer.draw(seed: seed, key: "top-up|" + key)
            if topUp.draw != recomputed || !(recomputed < topUp.chance) {
                mismatch(
                    "top-up draw recorded \(topUp.draw) against chance \(topUp.chance), the seed gives \(recomputed)")
            }
        }
        if let examiner = payload.examiner, !examiner.eligible.isEmpty {
            let recomputed = SamplingDrawer.draw(seed: seed, key: "examiner|" + key)
            let index = min(examiner.eligible.count - 1, Int(recomputed * Double(examiner.eligible.count)))
            if examiner.draw != recomputed || examiner.eligible[index] != examiner.examiner {
                mismatch(
                    "examiner \(examiner.examiner) recorded, but the seed's draw \(recomputed) picks \(examiner.eligible[index]) of \(examiner.eligible.joined(separator: " "))"
                )
            }
        }
    }

    /// The result for a terminal.
    public func text() -> String {
        guard seedMatchesCommitment else {
            return
                "sampling \(period): FAILED: the seed's SHA-256 is not the commitment published for \(period); this is not the seed committed to\n"
        }
        var lines = [
            "sampling \(period): the seed matches its commitment",
            "\(checked) draws recomputed, \(drawn) drawn, \(mismatches.count) mismatch\(mismatches.count == 1 ? "" : "es")",
        ]
        for mismatch in mismatches.prefix(50) { lines.append("  \(mismatch.decision): \(mismatch.what)") }
        if mismatches.count > 50 { lines.append("  … and \(mismatches.count - 50) more") }
        lines.append(passed ? "PASSED" : "FAILED")
        return lines.joined(separator: "\n") + "\n"
    }
}
