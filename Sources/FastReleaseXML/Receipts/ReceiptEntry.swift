import FastReleaseCore

/// What a receipt writer needs to know about one decided declaration: the stored record, its
/// payload and the declaration decided, read back from the log's record.
struct ReceiptEntry {
    let stored: StoredDecision
    let replay: Bool
    /// The decision's payload; `nil` only for a record the log kept unreadable.
    let payload: DecisionPayload?
    /// The declaration decided, when the log kept it.
    let declaration: Declaration?

    init(_ answered: AnsweredDecision) {
        stored = answered.stored
        replay = answered.replay
        payload = try? answered.stored.decodedPayload()
        declaration = answered.stored.decodedDeclaration()
    }

    /// The lane and why, in one line of at most `limit` characters.
    func summary(limit: Int) -> String {
        let reasons = payload?.reasons ?? []
        let lane = stored.lane.name
        let text = reasons.isEmpty ? lane : "\(lane): " + reasons.joined(separator: "; ")
        return text.count <= limit ? text : String(text.prefix(limit - 1)) + "…"
    }
}
