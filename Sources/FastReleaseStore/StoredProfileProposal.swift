/// A proposed profile change waiting for approval (maker and checker), as the store keeps it.
///
/// The store keeps what the service wrote and does not read the JSON texts: the review (the
/// example cases' results and the replay of the last day) and the approvals so far.
public struct StoredProfileProposal: Sendable, Hashable {
    /// What a proposal has come to.
    public enum Status: String, Sendable, Hashable {
        /// Waiting for approvals.
        case pending
        /// Approved and put in force.
        case inForce = "in-force"
        /// Turned down.
        case rejected
    }

    /// The proposal's id.
    public var id: String
    /// The version it would put in force (`name@hash`).
    public var version: String
    /// The version in force when it was proposed: what it was reviewed against, and what must
    /// still be in force when it is approved.
    public var baseVersion: String
    /// When it was proposed, in milliseconds since 1970 (UTC).
    public var proposedAt: Int64
    /// Who proposed it: an operator's token name, or `SIGHUP`.
    public var proposedBy: String
    /// What it changes, in one line.
    public var summary: String
    /// The profile's files (a `ProfileBundle` as JSON).
    public var files: String
    /// What was checked before approval (JSON written by the service).
    public var review: String
    /// The approvals so far (a JSON list written by the service).
    public var approvals: String
    /// Where it stands.
    public var status: Status
    /// When it was put in force or turned down; 0 while pending.
    public var decidedAt: Int64

    /// Creates a proposal record.
    public init(
        id: String, version: String, baseVersion: String, proposedAt: Int64, proposedBy: String, summary: String,
        files: String,
        review: String, approvals: String = "[]", status: Status = .pending, decidedAt: Int64 = 0
    ) {
        self.id = id
        self.version = version
        self.baseVersion = baseVersion
        self.proposedAt = proposedAt
        self.proposedBy = proposedBy
        self.summary = summary
        self.files = files
        self.review = review
        self.approvals = approvals
        self.status = status
        self.decidedAt = decidedAt
    }
}
