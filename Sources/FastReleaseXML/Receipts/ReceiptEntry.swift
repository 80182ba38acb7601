import FastReleaseCore

/// What a receipt writer needs to know about one decided declaration: the stored record, its
/// payload and the declaration decided, read back from the log's record, and what the trader
/// may be told (``TraderAnswer``). Receipts go to gateways, so they carry only the latter:
/// never rule ids, weights, scores, officers' reasons or the draw.
struct ReceiptEntry {
    let stored: StoredDecision
    let replay: Bool
    /// The decision's payload; `nil` only for a record the log kept unreadable.
    let payload: DecisionPayload?
    /// The declaration decided, when the log kept it.
    let declaration: Declaration?
    /// What laboratory results made of the goods since the decision, if anything.
    let verdict: LabVerdict?
    /// What the trader may be told.
    let trader: TraderAnswer

    init(_ answered: AnsweredDecision) {
        stored = answered.stored
        replay = answered.replay
        payload = try? answered.stored.decodedPayload()
        declaration = answered.stored.decodedDeclaration()
        verdict = answered.verdict
        // From the payload just read, not read again.
        trader = TraderAnswer(
            stored: answered.stored, replay: answered.replay,
            notices: answered.traderNotices ?? payload.map(TraderAnswer.notices(of:)) ?? [], verdict: answered.verdict)
    }

    /// Whether the goods are released: by the decision, or by laboratory results since.
    var released: Bool { stored.lane == .decided(.release) || verdict?.released == true }

    /// The lane and what the trader must do, in one line of at most `limit` characters; after
    /// laboratory results, what they made of the goods.
    func summary(limit: Int) -> String {
        if let verdict { return verdict.sentence }
        let text = "\(stored.lane.name): " + trader.actions.joined(separator: "; ")
        return text.count <= limit ? text : String(text.prefix(limit - 1)) + "…"
    }
}
