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

/// A raw-material lot a finished-goods declaration draws on.
public struct LotReference: Sendable, Hashable, Codable {
    /// The lot's identifier.
    public var identifier: String
    /// How much of the lot the declaration consumes, in the lot's unit.
    public var quantity: Double?

    /// Creates a lot reference.
    public init(identifier: String, quantity: Double? = nil) {
        self.identifier = identifier
        self.quantity = quantity
    }
}

/// Something odd in a declaration that did not stop it from being decided.
///
/// Issues travel with the declaration into its decision, and rules can test them
/// (`issues: {has: [unknown-country]}`), so that poor data can raise the lane.
public struct DataIssue: Sendable, Hashable, Codable {
    /// A short stable code, such as `unknown-country` or `price-mismatch`.
    public var code: String
    /// What was found and where, for a person.
    public var detail: String

    /// Creates an issue.
    public init(code: String, detail: String) {
        self.code = code
        self.detail = detail
    }
}

/// A place in an input: its name and a 1-based line and column.
public struct SourcePosition: Sendable, Hashable, Codable, CustomStringConvertible {
    /// The input's name: a file path, or `-` for standard input.
    public var source: String
    /// The 1-based line.
    public var line: Int
    /// The 1-based column, or 0 when not known.
    public var column: Int

    /// Creates a position.
    public init(source: String, line: Int, column: Int) {
        self.source = source
        self.line = line
        self.column = column
    }

    /// `source:line:column`.
    public var description: String { "\(source):\(line):\(column)" }
}
