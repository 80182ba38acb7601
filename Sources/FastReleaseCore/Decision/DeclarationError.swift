/// Why a declaration, or a whole message, could not be decided.
///
/// An error record names what went wrong and where (input, line, column, declaration id
/// when known) and what to do about it. The other declarations of the input go on.
public struct DeclarationError: Error, Sendable, Hashable, CustomStringConvertible {
    /// A stable error kind.
    public struct Code: Sendable, Hashable, CustomStringConvertible {
        /// The code's text, such as `xml.malformed`.
        public let name: String
        /// Creates a code.
        public init(_ name: String) { self.name = name }
        public var description: String { name }

        /// The bytes are not well-formed XML.
        public static let malformedXML = Code("xml.malformed")
        /// A DOCTYPE or entity declaration (refused: no DTDs).
        public static let doctypeRefused = Code("xml.doctype")
        /// The message exceeds a size or depth limit.
        public static let limitExceeded = Code("xml.limit")
        /// The encoding is not one we read.
        public static let unsupportedEncoding = Code("xml.encoding")
        /// The root element is not a message we know.
        public static let unknownMessage = Code("message.unknown")
        /// The message is a known kind, but not a declaration.
        public static let notADeclaration = Code("message.not-declaration")
        /// A field is missing or its value is not valid.
        public static let invalidField = Code("declaration.field")
        /// The input could not be read.
        public static let unreadable = Code("input.unreadable")
        /// A cancellation, or an amendment that carries only its changes, needs the earlier
        /// decision, which only the service keeps.
        public static let needsHistory = Code("declaration.needs-history")
        /// An amendment or cancellation names a declaration that was never decided.
        public static let unknownDeclaration = Code("declaration.unknown")
        /// An amendment or cancellation names a declaration that was cancelled.
        public static let alreadyCancelled = Code("declaration.cancelled")
        /// Random selection needs the seed of a period that was not given to FastRelease.
        public static let seedMissing = Code("sampling.no-seed")
    }

    /// What kind of error.
    public var code: Code
    /// Where it was found.
    public var position: SourcePosition
    /// The carrying message's identifier, when known.
    public var messageID: String
    /// The declaration's identifier, when known.
    public var declarationID: String
    /// What is wrong and what to do, for a person.
    public var reason: String

    /// Creates an error record.
    public init(
        code: Code, position: SourcePosition, messageID: String = "", declarationID: String = "", reason: String
    ) {
        self.code = code
        self.position = position
        self.messageID = messageID
        self.declarationID = declarationID
        self.reason = reason
    }

    /// The error for a decision whose draw needed a seed that was not given.
    public static func seedMissing(_ decision: Decision, position: SourcePosition) -> DeclarationError {
        DeclarationError(
            code: .seedMissing, position: position, messageID: decision.messageID,
            declarationID: decision.declarationID,
            reason:
                "random selection for \(decision.sampling.period) has no seed here, so this declaration was not decided; operators: give the period's seed (the seeds file, see docs/profiles.md); gateways: send it again later"
        )
    }

    public var description: String {
        let id = declarationID.isEmpty ? "" : " (declaration \(declarationID))"
        return "\(position): \(code)\(id): \(reason)"
    }
}
