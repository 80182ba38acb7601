import FastReleaseCore
public import FastReleaseStore

/// Reads the declarations in force from a decision log: the newest revision of each, without
/// withdrawn ones, with the inspection results recorded against it.
public struct DecisionHistory {
    let log: any DecisionLog

    /// Creates a reader of `log`.
    public init(log: any DecisionLog) {
        self.log = log
    }

    /// Hands `body` each declaration decided from `from` to `to` (milliseconds since 1970), in
    /// the order first decided. The log chooses the newest revisions and reads them a page at a
    /// time, so memory holds one page whatever the period's size. `progress` is told how many
    /// declarations have been read so far.
    ///
    /// ```swift
    /// var lanes: [Lane: Int] = [:]
    /// try await DecisionHistory(log: log).forEach(from: start, to: end) { past in
    ///     if let lane = past.decidedLane { lanes[lane, default: 0] += 1 }
    /// }
    /// ```
    public func forEach(
        from: Int64 = .min, to: Int64 = .max, progress: (Int) -> Void = { _ in },
        _ body: (PastDeclaration) throws -> Void
    ) async throws {
        var read = 0
        for try await page in log.newestRevisionPages(decidedFrom: from, to: to) {
            for newest in page {
                if let past = Self.past(newest) { try body(past) }
            }
            read += page.count
            progress(read)
        }
    }

    private static func past(_ newest: NewestRevision) -> PastDeclaration? {
        let decision = newest.decision
        guard !decision.isWithdrawal, let declaration = decision.decodedDeclaration() else { return nil }
        let payload = try? decision.decodedPayload()
        var past = PastDeclaration(
            declaration: declaration, decidedLane: decision.lane.lane, asOf: payload?.asOfTime,
            nonconforming: newest.nonconforming)
        past.drawnAt = payload?.sampling.flatMap { CivilTime(iso: $0.period + "-15T12:00:00") }
        return past
    }
}
