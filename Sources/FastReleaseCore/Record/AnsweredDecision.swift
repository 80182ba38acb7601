/// A durable decision as answered: the stored record, and whether it is the one stored for an
/// earlier send (a replay).
public struct AnsweredDecision: Sendable {
    /// The decision as the log holds it.
    public var stored: StoredDecision
    /// Whether it was stored by an earlier send of the same declaration.
    public var replay: Bool
    /// The payload's members as ``JSONLinesEncoder`` wrote them, when this answer recorded a
    /// new scored decision: the JSON answer then reuses these bytes instead of decoding the payload.
    public var freshMembers: ArraySlice<UInt8>?
    /// What laboratory results made of the goods since, for a declaration held for tests.
    public var verdict: LabVerdict?
    /// What the trader may be told of the rules, when this answer recorded a new decision (else
    /// read from the payload: ``TraderAnswer/init(_:)``).
    public var traderNotices: [String]?

    /// Creates an answered decision.
    public init(
        stored: StoredDecision, replay: Bool, freshMembers: ArraySlice<UInt8>? = nil, verdict: LabVerdict? = nil,
        traderNotices: [String]? = nil
    ) {
        self.stored = stored
        self.replay = replay
        self.freshMembers = replay ? nil : freshMembers
        self.verdict = verdict
        self.traderNotices = traderNotices
    }
}
