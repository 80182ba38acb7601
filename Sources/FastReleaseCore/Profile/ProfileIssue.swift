/// A mistake or doubt found in a profile, with where it is and what to do.
public struct ProfileIssue: Sendable, Hashable, CustomStringConvertible {
    /// How serious the issue is.
    public enum Severity: String, Sendable, Hashable {
        /// The profile cannot be used until this is fixed.
        case error
        /// The profile works, but probably not as meant.
        case warning
    }

    /// How serious.
    public var severity: Severity
    /// Where: file, line and column.
    public var position: SourcePosition
    /// What is wrong and what to do.
    public var message: String

    /// Creates an issue.
    public init(_ severity: Severity, at position: SourcePosition, _ message: String) {
        self.severity = severity
        self.position = position
        self.message = message
    }

    /// `file:line:column: error: message`, the form compilers and editors understand.
    public var description: String { "\(position): \(severity.rawValue): \(message)" }
}
