/// A decision as the decision log keeps it: the columns the log queries, and the decision's
/// JSON payload exactly as it was first answered.
///
/// Readers get the payload typed with ``decodedPayload()``; the declaration decided with
/// ``decodedDeclaration()``.
public struct StoredDecision: Sendable {
    /// The declaration's identity.
    public var key: DecisionKey
    /// The carrying message's id.
    public var messageID: String
    /// The lane decided, or `withdrawn`.
    public var lane: RecordedLane
    /// The profile version that decided it.
    public var profileVersion: String
    /// When it was decided, in milliseconds since 1970 (UTC).
    public var decidedAt: Int64
    /// The decision as one JSON object (a ``DecisionPayload``), exactly as it was first answered.
    public var payload: String
    /// Original, amendment or cancellation.
    public var function: DeclarationFunction
    /// The reference customs gave the declaration (the MRN of a WCO declaration); empty if none.
    public var reference: String
    /// The declaration the decision was made on, as JSON (``DeclarationSnapshot``); empty when
    /// not kept. Kept for formats whose amendments carry only their changes.
    public var declaration: String
    /// What recording this revision writes off or gives back (not a column: the log applies it
    /// to its lot balances when, and only when, it records the revision).
    public var claims: [LotClaim]
    /// The ids of the rules that fired, one per hit, as the payload lists them (not a column: the
    /// log adds them to its per-hour rule counts when it records the revision).
    /// `nil` when not known here: ``hitRuleIDs`` reads them from the payload. Not part of the
    /// value's identity: a decision read back from the log equals the one that was recorded.
    public var ruleHits: [String]?

    /// Creates a stored decision.
    public init(
        key: DecisionKey, messageID: String, lane: RecordedLane, profileVersion: String, decidedAt: Int64,
        payload: String, function: DeclarationFunction = .original, reference: String = "", declaration: String = "",
        claims: [LotClaim] = [], ruleHits: [String]? = nil
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
        self.claims = claims
        self.ruleHits = ruleHits
    }

    /// The ids of the rules that fired: ``ruleHits``, else those of the payload's hits.
    public var hitRuleIDs: [String] {
        ruleHits ?? (try? decodedPayload())?.hits?.map(\.rule) ?? []
    }

    /// Whether a cancellation withdrew the declaration.
    public var isWithdrawal: Bool { function == .cancellation }

    /// The payload, typed.
    public func decodedPayload() throws -> DecisionPayload {
        try DecisionPayload.decode(payload)
    }

    /// The declaration decided, when the log kept it.
    public func decodedDeclaration() -> Declaration? {
        declaration.isEmpty ? nil : try? DeclarationSnapshot.decode(declaration)
    }

    /// `{"revision":…,"function":…,"lane":…,"decided_at":…}`: what a later revision says of this one.
    public var revisionSummary: RevisionSummary {
        RevisionSummary(revision: key.revision, function: function, lane: lane, decidedAt: decidedAt)
    }
}

extension StoredDecision: Hashable {
    /// Every stored member but ``ruleHits`` (which only says whether the rule ids were known apart
    /// from the payload that lists them).
    public static func == (lhs: StoredDecision, rhs: StoredDecision) -> Bool {
        lhs.key == rhs.key && lhs.messageID == rhs.messageID && lhs.lane == rhs.lane
            && lhs.profileVersion == rhs.profileVersion && lhs.decidedAt == rhs.decidedAt && lhs.payload == rhs.payload
            && lhs.function == rhs.function && lhs.reference == rhs.reference && lhs.declaration == rhs.declaration
            && lhs.claims == rhs.claims
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(key)
        hasher.combine(decidedAt)
        hasher.combine(payload)
    }
}
