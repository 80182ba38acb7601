/// What the service answers for one declaration of a message: a durable decision, or why
/// none could be made. Answers are written as JSON or as receipts in the gateway's language.
public enum Answer: Sendable {
    /// A decision, durable in the log.
    case decision(AnsweredDecision)
    /// A declaration or message that could not be decided.
    case error(DeclarationError)
}

/// A durable decision as answered: the stored record, and whether it is the one stored for an
/// earlier send (a replay).
public struct AnsweredDecision: Sendable {
    /// The decision as the log holds it.
    public var stored: StoredDecision
    /// Whether it was stored by an earlier send of the same declaration.
    public var replay: Bool
    /// The payload's members as ``JSONLinesEncoder`` wrote them, when this answer recorded a
    /// new scored decision: the JSON answer then reuses these bytes instead of decoding the payload.
    public var freshMembers: [UInt8]?

    /// Creates an answered decision.
    public init(stored: StoredDecision, replay: Bool, freshMembers: [UInt8]? = nil) {
        self.stored = stored
        self.replay = replay
        self.freshMembers = replay ? nil : freshMembers
    }
}
