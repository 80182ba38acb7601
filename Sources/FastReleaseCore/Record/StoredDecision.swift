/// A decision as the decision log keeps it: the columns the log queries, and the decision's
/// JSON payload exactly as it was first answered.
///
/// Readers get the payload typed with ``decodedPayload()``; the declaration decided with
/// ``decodedDeclaration()``.
public struct StoredDecision: Sendable, Hashable {
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

    /// Creates a stored decision.
    public init(
        key: DecisionKey, messageID: String, lane: RecordedLane, profileVersion: String, decidedAt: Int64,
        payload: String, function: DeclarationFunction = .original, reference: String = "", declaration: String = "",
        claims: [LotClaim] = []
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
