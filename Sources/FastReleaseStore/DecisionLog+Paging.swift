extension DecisionLog {
    /// Rows read per round trip by the helpers below.
    static var pageSize: Int { 2000 }

    /// The decisions made from `from` to `to` (milliseconds since 1970), in the order they were
    /// made, read a page at a time, at most `limit`. `progress` is told how many were read.
    public func decisions(
        decidedFrom from: Int64, to: Int64, limit: Int = .max, progress: (Int) -> Void = { _ in }
    ) async throws -> [StoredDecision] {
        var all: [StoredDecision] = []
        while all.count < limit {
            let page = try await decisions(
                decidedFrom: from, to: to, after: all.last, limit: min(Self.pageSize, limit - all.count))
            all += page
            progress(all.count)
            if page.count < Self.pageSize { break }
        }
        return all
    }

    /// The newest revision of each declaration (`declarant/id`) decided from `from` to `to`, in
    /// the order the declarations were first decided, with the keys used.
    public func newestRevisions(
        decidedFrom from: Int64, to: Int64, progress: (Int) -> Void = { _ in }
    ) async throws -> [(key: String, decision: StoredDecision)] {
        var newest: [String: StoredDecision] = [:]
        var order: [String] = []
        for decision in try await decisions(decidedFrom: from, to: to, progress: progress) {
            let key = "\(decision.key.declarant)/\(decision.key.declarationID)"
            if newest.updateValue(decision, forKey: key) == nil { order.append(key) }
        }
        return order.map { ($0, newest[$0]!) }
    }

    /// Inspection results in `inspection_id` order, read a page at a time, at most `limit`.
    public func inspections(limit: Int = .max) async throws -> [StoredInspection] {
        var all: [StoredInspection] = []
        while all.count < limit {
            let page = try await inspections(
                after: all.last?.inspectionID, limit: min(Self.pageSize, limit - all.count))
            all += page
            if page.count < Self.pageSize { break }
        }
        return all
    }

    /// For each declaration (`declarant/id`) with inspection results, whether any found it
    /// nonconforming; reads at most `limit` results.
    public func nonconformity(limit: Int = .max) async throws -> [String: Bool] {
        var outcomes: [String: Bool] = [:]
        for inspection in try await inspections(limit: limit) {
            let key = "\(inspection.decision.declarant)/\(inspection.decision.declarationID)"
            outcomes[key] = (outcomes[key] ?? false) || !inspection.conforming
        }
        return outcomes
    }
}
