import FastReleaseCore

/// A decision log kept in SQL tables: the reads are written once here, over the one query
/// text of ``LogQueries`` and the row mappings of ``StoredRow``; each backend supplies
/// ``fetch(_:_:)`` and its own writes.
protocol SQLBackedLog: DecisionLog {
    /// Runs a query (with `?` placeholders) and reads every row of its answer.
    func fetch<Row: ReadableRow>(_ sql: String, _ arguments: [ColumnValue]) async throws -> [Row]

    /// Runs a statement that writes (with `?` placeholders), committed when it returns, and
    /// reads every row of its answer (`RETURNING`).
    func write<Row: ReadableRow>(_ sql: String, _ arguments: [ColumnValue]) async throws -> [Row]

    /// Tells the other instances sharing the log that the profile or shadow run in force changed
    /// (nothing to do for a log one instance writes).
    func announceProfileChange(_ detail: String) async throws

    /// The SQL expression for the text at `path` of the JSON object in `column` (`NULL` when absent).
    static func jsonText(_ column: String, _ path: [String]) -> String

    /// The join that expands the hits of a decision's payload (`d.payload`) as rows named `h`, and
    /// the expression for a hit's rule.
    static var payloadHits: (join: String, rule: String) { get }
}

extension SQLBackedLog {
    func announceProfileChange(_ detail: String) async throws {}
}

extension SQLBackedLog {
    public func decisions(declarationID: String) async throws -> [StoredDecision] {
        try await fetch(LogQueries.decisionsByID, [.text(declarationID)])
    }

    public func decisions(reference: String) async throws -> [StoredDecision] {
        try await fetch(LogQueries.decisionsByReference, [.text(reference)])
    }

    public func count() async throws -> Int {
        let rows: [CountRow] = try await fetch(LogQueries.decisionCount, [])
        return rows.first?.count ?? 0
    }

    public func inspections(declarationID: String) async throws -> [StoredInspection] {
        try await fetch(LogQueries.inspectionsByDeclarationID, [.text(declarationID)])
    }

    public func decisions(decidedFrom from: Int64, to: Int64, after: StoredDecision?, limit: Int) async throws
        -> [StoredDecision]
    {
        try await fetch(
            LogQueries.decisionPage,
            [
                .integer(max(from, after?.decidedAt ?? from)), .integer(to), .integer(after?.decidedAt ?? Int64.min),
                .text(after?.key.declarant ?? ""), .text(after?.key.declarationID ?? ""),
                .text(after?.key.revision ?? ""), .integer(Int64(limit)),
            ])
    }

    public func newestRevisions(decidedFrom from: Int64, to: Int64, after: PagePosition?, limit: Int) async throws
        -> [NewestRevision]
    {
        let position = after ?? .start
        let window: [ColumnValue] = [.integer(from), .integer(to)]
        return try await fetch(
            LogQueries.newestRevisionPage,
            [.integer(max(from, position.decidedAt)), .integer(to)] + position.values + window + window + window
                + [.integer(Int64(limit))])
    }

    public func inspections(declarationIDs: [String]) async throws -> [StoredInspection] {
        guard !declarationIDs.isEmpty else { return [] }
        return try await fetch(
            LogQueries.inspectionsByDeclarationIDs(declarationIDs.count), declarationIDs.map { .text($0) })
    }

    public func selectionRows(decidedFrom from: Int64, to: Int64, after: PagePosition?, limit: Int) async throws
        -> [SelectionRow]
    {
        try await fetch(
            LogQueries.selectionPage(json: Self.jsonText),
            [.integer(max(from, after?.decidedAt ?? from)), .integer(to)] + (after ?? .start).values
                + [.integer(Int64(limit))])
    }

    public func ruleStatistics(from: Int64, limit: Int) async throws -> [RuleStatistic] {
        let hour = HourlyCounts.start(of: from)
        let hits: [RuleHitsRow] = try await fetch(HourlyCounts.ruleHits, [.integer(hour), .integer(Int64(limit))])
        let results: [RuleResultsRow] = try await fetch(
            HourlyCounts.ruleResults(hits: Self.payloadHits), [.integer(hour)])
        let byRule = Dictionary(results.map { ($0.rule, $0) }, uniquingKeysWith: { first, _ in first })
        return hits.map {
            RuleStatistic(
                rule: $0.rule, hits: $0.hits, withResults: byRule[$0.rule]?.withResults ?? 0,
                nonconforming: byRule[$0.rule]?.nonconforming ?? 0)
        }
    }

    public func inspections(after: String?, limit: Int) async throws -> [StoredInspection] {
        try await fetch(LogQueries.inspectionPage, [.text(after ?? ""), .integer(Int64(limit))])
    }

    public func hourlyLaneCounts(from: Int64) async throws -> [LaneCount] {
        try await fetch(HourlyCounts.lanes, [.integer(HourlyCounts.start(of: from))])
    }

    public func shadowDifferences(version: String, limit: Int) async throws -> [StoredShadowDecision] {
        try await fetch(LogQueries.shadowDifferences, [.text(version), .integer(Int64(limit))])
    }

    public func profileChanges(limit: Int) async throws -> [StoredProfileChange] {
        try await fetch(LogQueries.profileChanges, [.integer(Int64(limit))])
    }

    public func profileChange(version: String) async throws -> StoredProfileChange? {
        let rows: [StoredProfileChange] = try await fetch(LogQueries.profileChangeByVersion, [.text(version)])
        return rows.first
    }

    public func record(_ proposal: StoredProfileProposal) async throws {
        let _: [CountRow] = try await write(StoredProfileProposal.insertStatement("RETURNING 1 AS n"), proposal.values)
    }

    public func proposals(limit: Int) async throws -> [StoredProfileProposal] {
        try await fetch(LogQueries.proposals, [.integer(Int64(limit))])
    }

    public func proposal(id: String) async throws -> StoredProfileProposal? {
        let rows: [StoredProfileProposal] = try await fetch(LogQueries.proposalByID, [.text(id)])
        return rows.first
    }

    public func update(_ proposal: StoredProfileProposal, readWithApprovals approvals: String) async throws -> Bool {
        let rows: [CountRow] = try await write(
            LogQueries.updateProposal,
            [
                .text(proposal.approvals), .text(proposal.status.rawValue), .integer(proposal.decidedAt),
                .text(proposal.id), .text(approvals),
            ])
        return !rows.isEmpty
    }

    public func record(_ run: StoredShadowRun) async throws {
        let _: [CountRow] = try await write(LogQueries.stopShadowRuns, [.integer(run.startedAt)])
        let _: [CountRow] = try await write(StoredShadowRun.insertStatement("RETURNING 1 AS n"), run.values)
        try await announceProfileChange("shadow")
    }

    public func stopShadowRuns(at time: Int64) async throws {
        let _: [CountRow] = try await write(LogQueries.stopShadowRuns, [.integer(time)])
        try await announceProfileChange("shadow")
    }

    public func currentShadowRun() async throws -> StoredShadowRun? {
        let rows: [StoredShadowRun] = try await fetch(LogQueries.currentShadowRun, [])
        return rows.first
    }

    public func shadowCounts(version: String, since: Int64) async throws -> [LanePairCount] {
        try await fetch(LogQueries.shadowCounts, [.text(version), .integer(since)])
    }

    public func stateChanges(after sequence: Int64, limit: Int) async throws -> [StoredStateChange] {
        try await fetch(LotStatements.changesAfter, [.integer(sequence), .integer(Int64(limit))])
    }

    public func lotWrittenOff() async throws -> [String: Int64] {
        let rows: [LotBalanceRow] = try await fetch(LotStatements.balances, [])
        return Dictionary(rows.map { ($0.lot, $0.writtenOff) }, uniquingKeysWith: { first, _ in first })
    }

    public func ping() async throws {
        let _: [CountRow] = try await fetch(LogQueries.ping, [])
    }
}
