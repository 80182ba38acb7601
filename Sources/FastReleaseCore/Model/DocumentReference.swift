/// A document a declaration cites: a licence, certificate, permit or exemption.
public struct DocumentReference: Sendable, Hashable, Codable {
    /// The document's kind, as rules name it (for example `licence`, `CCC`, `N935`).
    public var kind: String
    /// The document's number.
    public var identifier: String

    /// Creates a document reference.
    public init(kind: String, identifier: String) {
        self.kind = kind
        self.identifier = identifier
    }
}
