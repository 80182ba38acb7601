public import FastReleaseCore

/// A candidate profile's decision for a declaration, made beside the live one and never
/// answered: what shadow mode records to compare the two.
public struct StoredShadowDecision: Sendable, Hashable {
    /// The candidate profile's version.
    public var shadowVersion: String
    /// The declaration decided (declarant, id, revision).
    public var key: DecisionKey
    /// The lane the live profile answered.
    public var liveLane: RecordedLane
    /// The lane the candidate would have.
    public var shadowLane: RecordedLane
    /// When, milliseconds since 1970.
    public var decidedAt: Int64
    /// The candidate's decision as JSON.
    public var payload: String

    /// Creates a record.
    public init(
        shadowVersion: String, key: DecisionKey, liveLane: RecordedLane, shadowLane: RecordedLane, decidedAt: Int64,
        payload: String
    ) {
        self.shadowVersion = shadowVersion
        self.key = key
        self.liveLane = liveLane
        self.shadowLane = shadowLane
        self.decidedAt = decidedAt
        self.payload = payload
    }
}
