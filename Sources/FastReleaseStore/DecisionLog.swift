public import FastReleaseCore

/// The durable, idempotent log of decisions, and the reference state beside it.
///
/// Implementations write a batch in one transaction and return once it is durable. A key that
/// the log (or an earlier entry of the same batch) already holds is not written again: its
/// outcome is the stored decision, `.replayed`. A decision with ``StoredDecision/claims`` is
/// recorded only together with them: its write-offs and give-backs are applied to the lot
/// balances in the same transaction, and a decision whose write-off would overdraw a lot is not
/// recorded (`.overdrawn`), even when other instances write off the same lot at the same time.
public protocol DecisionLog: Sendable {
    /// Records a batch; outcomes come back in batch order.
    func record(_ batch: [StoredDecision]) async throws -> [RecordOutcome]

    /// Records a change of the reference state and, in the same transaction, sets the balances of
    /// the lots in `lots`. Returns the change's sequence number.
    func record(_ change: StoredStateChange, lots: [String: LotSetting]) async throws -> Int64

    /// The state changes after `sequence`, oldest first, at most `limit`.
    func stateChanges(after sequence: Int64, limit: Int) async throws -> [StoredStateChange]

    /// What has been written off each lot, in millionths of its unit.
    func lotWrittenOff() async throws -> [String: Int64]

    /// The stored decisions for a declaration id: every revision, for every declarant that
    /// used the id, oldest first within a declarant.
    func decisions(declarationID: String) async throws -> [StoredDecision]

    /// Every revision of the declaration that customs gave `reference` (an MRN), oldest first.
    func decisions(reference: String) async throws -> [StoredDecision]

    /// How many decisions the log holds.
    func count() async throws -> Int

    /// Records an inspection result. An `inspectionID` the log already holds is not written
    /// again: the stored result comes back, `.replayed`.
    func record(_ inspection: StoredInspection) async throws -> InspectionOutcome

    /// The inspection results recorded for a declaration id, oldest first.
    func inspections(declarationID: String) async throws -> [StoredInspection]

    /// Decisions made from `from` (included) to `to` (excluded), milliseconds since 1970, in the
    /// order they were made; a page at a time: pass the last decision of a page as `after`.
    func decisions(decidedFrom from: Int64, to: Int64, after: StoredDecision?, limit: Int) async throws
        -> [StoredDecision]

    /// The newest revision of each declaration decided from `from` (included) to `to` (excluded),
    /// in the order the declarations were first decided in that period, with what inspections
    /// found; a page at a time: pass the last one's ``NewestRevision/first`` as `after`.
    func newestRevisions(decidedFrom from: Int64, to: Int64, after: PagePosition?, limit: Int) async throws
        -> [NewestRevision]

    /// What the selection desk counts of each decision made from `from` (included) to `to`
    /// (excluded), in the order they were made, extracted by the log without decoding them; a
    /// page at a time: pass the last row's position as `after`.
    func selectionRows(decidedFrom from: Int64, to: Int64, after: PagePosition?, limit: Int) async throws
        -> [SelectionRow]

    /// The inspection results of the declarations with any of these ids (of any declarant), oldest first.
    func inspections(declarationIDs: [String]) async throws -> [StoredInspection]

    /// Each rule's hits on the decision revisions made from the start of the hour that holds
    /// `from`, with what inspections found there; the `limit` most frequent. Hits are kept per
    /// hour as decisions are recorded; results are read from the inspected declarations' decisions.
    func ruleStatistics(from: Int64, limit: Int) async throws -> [RuleStatistic]

    /// Inspection results, a page at a time in `inspection_id` order: pass the last id as `after`.
    func inspections(after: String?, limit: Int) async throws -> [StoredInspection]

    /// Decisions made from the start of the hour that holds `from`, counted by hour and lane
    /// (kept per hour as they are recorded, so this reads a row per hour and lane).
    func hourlyLaneCounts(from: Int64) async throws -> [LaneCount]

    /// Records a candidate profile's decisions (shadow mode).
    func record(shadow: [StoredShadowDecision]) async throws

    /// A candidate profile's recorded decisions whose lane differs from the live one, newest first.
    func shadowDifferences(version: String, limit: Int) async throws -> [StoredShadowDecision]

    /// Records a change of the profile in force.
    func record(_ change: StoredProfileChange) async throws

    /// The profile changes, newest first, at most `limit`.
    func profileChanges(limit: Int) async throws -> [StoredProfileChange]

    /// The newest change that put `version` in force, with its files.
    func profileChange(version: String) async throws -> StoredProfileChange?

    /// Runs `run` in shadow on every instance from now on (stopping the one before).
    func record(_ run: StoredShadowRun) async throws

    /// Stops shadow mode on every instance.
    func stopShadowRuns(at time: Int64) async throws

    /// The candidate running in shadow, if any.
    func currentShadowRun() async throws -> StoredShadowRun?

    /// Shadow decisions of `version` since `since`, counted by live and candidate lane.
    func shadowCounts(version: String, since: Int64) async throws -> [LanePairCount]

    /// Records a proposed profile change.
    func record(_ proposal: StoredProfileProposal) async throws

    /// The proposals, newest first, at most `limit`.
    func proposals(limit: Int) async throws -> [StoredProfileProposal]

    /// The proposal with this id.
    func proposal(id: String) async throws -> StoredProfileProposal?

    /// Writes a pending proposal's new approvals, status and decision time, if it is still as
    /// read (pending, with `approvals`); false when someone else moved it on meanwhile.
    func update(_ proposal: StoredProfileProposal, readWithApprovals approvals: String) async throws -> Bool

    /// Checks that the log can be reached (for readiness).
    func ping() async throws
}

extension Array where Element == StoredDecision {
    /// Splits a batch into the first entry for each key (to insert) and, for every entry, the
    /// index of the first entry with its key.
    func firstOfEachKey() -> (unique: [StoredDecision], firstIndex: [Int]) {
        var seen: [DecisionKey: Int] = [:]
        seen.reserveCapacity(count)
        var firstIndex: [Int] = []
        firstIndex.reserveCapacity(count)
        var repeated = false
        for index in indices {
            let key = self[index].key
            if let first = seen[key] {
                firstIndex.append(first)
                repeated = true
            } else {
                seen[key] = index
                firstIndex.append(index)
            }
        }
        // Keys repeat only when a gateway sends a declaration again within one batch: usually
        // the batch itself is the list to insert, shared rather than copied row by row.
        guard repeated else { return (self, firstIndex) }
        return (indices.filter { firstIndex[$0] == $0 }.map { self[$0] }, firstIndex)
    }
}

/// Builds the outcomes of a batch from what the store did with the first entry of each key.
func outcomes(
    for batch: [StoredDecision], firstIndex: [Int], inserted: Set<DecisionKey>, existing: [DecisionKey: StoredDecision],
    overdrawn: [DecisionKey: String] = [:]
) -> [RecordOutcome] {
    batch.enumerated().map { index, decision in
        if let lot = overdrawn[decision.key] { return .overdrawn(decision, lot: lot) }
        if firstIndex[index] == index, inserted.contains(decision.key) { return .recorded(decision) }
        if let stored = existing[decision.key] { return .replayed(stored) }
        return .replayed(batch[firstIndex[index]])
    }
}
