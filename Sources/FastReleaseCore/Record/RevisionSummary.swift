/// What a later revision of a declaration says of an earlier one (`supersedes`, `withdraws`,
/// and each entry of a decision's `history`).
///
/// ```json
/// {"revision":"","function":"original","lane":"release","decided_at":1763280000000}
/// ```
public struct RevisionSummary: Sendable, Hashable, Codable {
    /// The earlier revision's reference; empty for the original.
    public var revision: String
    /// Its function.
    public var function: DeclarationFunction
    /// Its lane.
    public var lane: RecordedLane
    /// When it was decided, milliseconds since 1970.
    public var decidedAt: Int64

    /// Creates a summary.
    public init(revision: String, function: DeclarationFunction, lane: RecordedLane, decidedAt: Int64) {
        self.revision = revision
        self.function = function
        self.lane = lane
        self.decidedAt = decidedAt
    }

    enum CodingKeys: String, CodingKey {
        case revision, function, lane, decidedAt = "decided_at"
    }
}
