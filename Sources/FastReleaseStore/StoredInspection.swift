public import FastReleaseCore

/// The outcome of an inspection, recorded against the decision that sent the goods to it.
///
/// Inspections are the feedback loop: they say which decisions found nonconforming goods, so
/// that a profile's hit rate and capture can be measured (`fastrelease replay`).
public struct StoredInspection: Sendable, Hashable {
    /// The sender's identifier for this inspection result; sending it again is a replay.
    public var inspectionID: String
    /// The decision inspected: declarant, declaration id and revision.
    public var decision: DecisionKey
    /// Whether the goods conformed.
    public var conforming: Bool
    /// When the inspection was made, in milliseconds since 1970 (UTC).
    public var inspectedAt: Int64
    /// Who recorded it (the token holder's name).
    public var recordedBy: String
    /// The result as one JSON object (findings, laboratory results), as it was answered.
    public var payload: String

    /// Creates an inspection record.
    public init(
        inspectionID: String, decision: DecisionKey, conforming: Bool, inspectedAt: Int64, recordedBy: String,
        payload: String
    ) {
        self.inspectionID = inspectionID
        self.decision = decision
        self.conforming = conforming
        self.inspectedAt = inspectedAt
        self.recordedBy = recordedBy
        self.payload = payload
    }
}
