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
    /// What laboratory results made of the goods since the decision, if anything.
    let verdict: LabVerdict?

    init(_ answered: AnsweredDecision) {
        stored = answered.stored
        replay = answered.replay
        payload = try? answered.stored.decodedPayload()
        declaration = answered.stored.decodedDeclaration()
        verdict = answered.verdict
    }

    /// Whether the goods are released: by the decision, or by laboratory results since.
    var released: Bool { stored.lane == .decided(.release) || verdict?.released == true }

    /// The lane and why, in one line of at most `limit` characters; after laboratory results,
    /// what they made of the goods.
    func summary(limit: Int) -> String {
        if let verdict { return verdict.sentence }
        let reasons = payload?.reasons ?? []
        let lane = stored.lane.name
        let text = reasons.isEmpty ? lane : "\(lane): " + reasons.joined(separator: "; ")
        return text.count <= limit ? text : String(text.prefix(limit - 1)) + "…"
    }
}
