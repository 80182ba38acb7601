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

    /// Inspection results in `inspection_id` order, a page at a time.
    public func inspectionPages() -> LogPages<StoredInspection> {
        LogPages(pageSize: Self.pageSize) { after, limit in
            try await self.inspections(after: after?.inspectionID, limit: limit)
        }
    }

    /// The newest revision of each declaration (`declarant/id`) decided from `from` to `to`, in
    /// the order the declarations were first decided, with the keys used. `progress` is told how
    /// many decisions have been read.
    public func newestRevisions(
        decidedFrom from: Int64, to: Int64, progress: (Int) -> Void = { _ in }
    ) async throws -> [(key: String, decision: StoredDecision)] {
        var newest: [String: StoredDecision] = [:]
        var order: [String] = []
        var read = 0
        for try await page in decisionPages(decidedFrom: from, to: to) {
            for decision in page {
                let key = decision.key.declarationKey
                if newest.updateValue(decision, forKey: key) == nil { order.append(key) }
            }
            read += page.count
            progress(read)
        }
        return order.map { ($0, newest[$0]!) }
    }

    /// For each declaration (`declarant/id`) with inspection results, whether any found it
    /// nonconforming; reads at most `limit` results.
    public func nonconformity(limit: Int = .max) async throws -> [String: Bool] {
        var outcomes: [String: Bool] = [:]
        var read = 0
        pages: for try await page in inspectionPages() {
            for inspection in page {
                guard read < limit else { break pages }
                read += 1
                let key = inspection.decision.declarationKey
                outcomes[key] = (outcomes[key] ?? false) || !inspection.conforming
            }
        }
        return outcomes
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
