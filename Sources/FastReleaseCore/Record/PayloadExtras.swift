/// The members the service adds to a scored decision's payload: when the message arrived, and
/// for an amendment, its revision, number and the revision it replaced.
///
/// The command line adds none. ``JSONLinesEncoder`` writes them after the decision's own
/// members; ``DecisionPayload/init(_:extras:)`` sets the same fields.
public struct PayloadExtras: Sendable, Hashable {
    /// When the service received the message, milliseconds since 1970.
    public var receivedMilliseconds: Int64?
    /// An amendment's own reference.
    public var revision: String?
    /// The revision's number (2 for the first change).
    public var version: Int?
    /// The revision replaced.
    public var supersedes: RevisionSummary?

    /// No extra members.
    public static let none = PayloadExtras()

    /// Creates extras.
    public init(
        receivedMilliseconds: Int64? = nil, revision: String? = nil, version: Int? = nil,
        supersedes: RevisionSummary? = nil
    ) {
        self.receivedMilliseconds = receivedMilliseconds
        self.revision = revision
        self.version = version
        self.supersedes = supersedes
    }
}
