/// What identifies one decision across resends: the declarant, the declaration id and the
/// revision.
///
/// A gateway that sends the same declaration again (same declarant, same id) gets the
/// decision stored the first time, marked as a replay, never a second decision. An amendment
/// or cancellation is a new revision of the declaration (its own reference, such as the
/// amendment's LRN or message guid), so it is stored beside the original and supersedes it;
/// sent again, it too is a replay.
public struct DecisionKey: Sendable, Hashable, CustomStringConvertible {
    /// The declarant's code (CEB `agentCode`, WCO `Declarant/ID`); empty when the declaration names none.
    public var declarant: String
    /// The declaration id (CEB `copNo`, WCO LRN).
    public var declarationID: String
    /// Empty for the original declaration; the change's own reference for an amendment or cancellation.
    public var revision: String

    /// Creates a key.
    public init(declarant: String, declarationID: String, revision: String = "") {
        self.declarant = declarant
        self.declarationID = declarationID
        self.revision = revision
    }

    public var description: String {
        revision.isEmpty ? "\(declarant)/\(declarationID)" : "\(declarant)/\(declarationID)#\(revision)"
    }
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
    /// `original`, `amendment` or `cancellation`.
    public var function: String
    /// The reference customs gave the declaration (the MRN of a WCO declaration); empty if none.
    public var reference: String
    /// The declaration the decision was made on, as JSON (``DeclarationSnapshot``); empty when
    /// not kept. Kept for formats whose amendments carry only their changes.
    public var declaration: String

    /// Creates a stored decision.
    public init(
        key: DecisionKey, messageID: String, lane: String, profileVersion: String, decidedAt: Int64, payload: String,
        function: String = "original", reference: String = "", declaration: String = ""
    ) {
        self.key = key
        self.messageID = messageID
        self.lane = lane
        self.profileVersion = profileVersion
        self.decidedAt = decidedAt
        self.payload = payload
        self.function = function
        self.reference = reference
        self.declaration = declaration
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
