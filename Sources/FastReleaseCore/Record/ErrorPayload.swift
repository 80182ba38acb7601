/// An error record as JSON: `{"error": {"code": …, "source": …, "line": …, "column": …,
/// "message": …, "declaration": …, "reason": …}}`, what ``JSONLinesEncoder`` writes for a
/// ``DeclarationError``.
public struct ErrorPayload: Sendable, Hashable, Codable {
    /// The error's members.
    public var error: Body

    /// The members of an error record.
    public struct Body: Sendable, Hashable, Codable {
        /// The stable code, such as `xml.malformed`.
        public var code: String
        /// The input's name.
        public var source: String
        /// 1-based line.
        public var line: Int
        /// 1-based column.
        public var column: Int
        /// The message's id, when known.
        public var message: String
        /// The declaration's id, when known.
        public var declaration: String
        /// What is wrong and what to do.
        public var reason: String
    }

    /// The record of `error`.
    public init(_ error: DeclarationError) {
        self.error = Body(
            code: error.code.name, source: error.position.source, line: error.position.line,
            column: error.position.column, message: error.messageID, declaration: error.declarationID,
            reason: error.reason)
    }
}
