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

    /// The declarations decided from `from` to `to` (milliseconds since 1970), oldest first.
    /// `progress` is told how many decisions have been read so far.
    public func declarations(from: Int64 = .min, to: Int64 = .max, progress: (Int) -> Void = { _ in }) async throws
        -> [PastDeclaration]
    {
        let outcomes = try await log.nonconformity()
        let newest = try await log.newestRevisions(decidedFrom: from, to: to, progress: progress)
        return newest.compactMap { key, decision in
            guard !decision.isWithdrawal, let declaration = decision.decodedDeclaration() else { return nil }
            let payload = try? decision.decodedPayload()
            var past = PastDeclaration(
                declaration: declaration, decidedLane: decision.lane.lane, asOf: payload?.asOfTime,
                nonconforming: outcomes[key])
            past.drawnAt = payload?.sampling.flatMap { CivilTime(iso: $0.period + "-15T12:00:00") }
            return past
        }
    }
}
