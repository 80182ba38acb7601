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
