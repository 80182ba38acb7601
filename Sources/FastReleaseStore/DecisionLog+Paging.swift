public import FastReleaseCore

extension DecisionLog {
    /// Rows read per round trip by the page sequences below.
    public static var pageSize: Int { 2000 }

    /// The decisions made from `from` to `to` (milliseconds since 1970), in the order they were
    /// made, a page at a time: only one page is in memory while the caller works through it.
    ///
    /// ```swift
    /// for try await page in log.decisionPages(decidedFrom: start, to: end) {
    ///     for decision in page { print(decision.key, decision.lane) }
    /// }
    /// ```
    public func decisionPages(decidedFrom from: Int64, to: Int64) -> LogPages<StoredDecision> {
        LogPages(pageSize: Self.pageSize) { after, limit in
            try await self.decisions(decidedFrom: from, to: to, after: after, limit: limit)
        }
    }

    /// What the selection desk counts of the decisions made from `from` to `to`, in the order
    /// they were made, a page at a time (``selectionRows(decidedFrom:to:after:limit:)``).
    public func selectionPages(decidedFrom from: Int64, to: Int64) -> LogPages<SelectionRow> {
        LogPages(pageSize: Self.pageSize) { after, limit in
            try await self.selectionRows(decidedFrom: from, to: to, after: after?.position, limit: limit)
        }
    }

    /// Inspection results in `inspection_id` order, a page at a time.
    public func inspectionPages() -> LogPages<StoredInspection> {
        LogPages(pageSize: Self.pageSize) { after, limit in
            try await self.inspections(after: after?.inspectionID, limit: limit)
        }
    }

    /// The newest revision of each declaration decided from `from` to `to`, in the order the
    /// declarations were first decided in that period, with what inspections found: chosen in
    /// the log, a page at a time, so that memory holds one page whatever the period's size.
    ///
    /// ```swift
    /// for try await page in log.newestRevisionPages(decidedFrom: start, to: end) {
    ///     for newest in page { print(newest.decision.key, newest.nonconforming ?? false) }
    /// }
    /// ```
    public func newestRevisionPages(decidedFrom from: Int64, to: Int64) -> LogPages<NewestRevision> {
        LogPages(pageSize: Self.pageSize) { after, limit in
            try await self.newestRevisions(decidedFrom: from, to: to, after: after?.first, limit: limit)
        }
    }

    /// The inspection results recorded against a page of decisions, by ``DecisionKey/declarationKey``.
    public func inspections(of decisions: [StoredDecision]) async throws -> [String: [StoredInspection]] {
        let keys = Set(decisions.map(\.key.declarationKey))
        var found: [String: [StoredInspection]] = [:]
        for inspection in try await inspections(declarationIDs: Array(Set(decisions.map(\.key.declarationID))))
        where keys.contains(inspection.decision.declarationKey) {
            found[inspection.decision.declarationKey, default: []].append(inspection)
        }
        return found
    }
}

extension DecisionKey {
    /// `declarant/id`: the declaration across its revisions.
    public var declarationKey: String { "\(declarant)/\(declarationID)" }
}

/// The pages of a keyset-paged read of the log: each page starts after the last row of the one
/// before, so rows written meanwhile never shift a page, and memory holds one page at a time.
public struct LogPages<Element: Sendable>: AsyncSequence, Sendable {
    public typealias Failure = any Error
    let pageSize: Int
    let fetch: @Sendable (_ after: Element?, _ limit: Int) async throws -> [Element]

    /// Reads the next page.
    public struct AsyncIterator: AsyncIteratorProtocol {
        let pages: LogPages
        var last: Element?
        var finished = false

        public mutating func next() async throws -> [Element]? {
            guard !finished else { return nil }
            let page = try await pages.fetch(last, pages.pageSize)
            finished = page.count < pages.pageSize
            last = page.last ?? last
            return page.isEmpty ? nil : page
        }
    }

    public func makeAsyncIterator() -> AsyncIterator {
        AsyncIterator(pages: self)
    }
}
