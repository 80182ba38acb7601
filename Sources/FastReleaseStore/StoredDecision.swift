/// What identifies a declaration across resends: the declarant and the declaration id.
///
/// A gateway that sends the same declaration again (same declarant, same id) gets the
/// decision stored the first time, marked as a replay, never a second decision.
public struct DecisionKey: Sendable, Hashable, CustomStringConvertible {
    /// The declarant's code (CEB `agentCode`); empty when the declaration names none.
    public var declarant: String
    /// The declaration id (CEB `copNo`).
    public var declarationID: String

    /// Creates a key.
    public init(declarant: String, declarationID: String) {
        self.declarant = declarant
        self.declarationID = declarationID
    }

    public var description: String { "\(declarant)/\(declarationID)" }
}

/// A decision as the decision log keeps it.
public struct StoredDecision: Sendable, Hashable {
    /// The declaration's identity.
    public var key: DecisionKey
    /// The carrying message's id.
    public var messageID: String
    /// The lane decided.
    public var lane: String
    /// The profile version that decided it.
    public var profileVersion: String
    /// When it was decided, in milliseconds since 1970 (UTC).
    public var decidedAt: Int64
    /// The decision as one JSON object, exactly as it was first answered.
    public var payload: String

    /// Creates a stored decision.
    public init(
        key: DecisionKey, messageID: String, lane: String, profileVersion: String, decidedAt: Int64, payload: String
    ) {
        self.key = key
        self.messageID = messageID
        self.lane = lane
        self.profileVersion = profileVersion
        self.decidedAt = decidedAt
        self.payload = payload
    }
}

/// What became of a decision sent to the log.
public enum RecordOutcome: Sendable, Hashable {
    /// It is now in the log.
    case recorded(StoredDecision)
    /// The log already held a decision for the same key: this one, which must be answered instead.
    case replayed(StoredDecision)

    /// The decision to answer with.
    public var decision: StoredDecision {
        switch self {
        case .recorded(let decision), .replayed(let decision): decision
        }
    }

    /// Whether the answer is an earlier decision.
    public var isReplay: Bool {
        if case .replayed = self { return true }
        return false
    }
}
