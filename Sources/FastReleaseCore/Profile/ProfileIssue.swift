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

/// A profile that cannot be used, with every error found (and the warnings beside them).
public struct ProfileError: Error, Sendable, CustomStringConvertible {
    /// All issues, errors first, each in file order.
    public var issues: [ProfileIssue]

    /// Creates an error from the issues found.
    public init(issues: [ProfileIssue]) {
        self.issues = issues
    }

    /// Only the errors.
    public var errors: [ProfileIssue] { issues.filter { $0.severity == .error } }

    public var description: String {
        let count = errors.count
        let heading = "the profile has \(count) error\(count == 1 ? "" : "s"); fix them and load it again:"
        return ([heading] + issues.map(\.description)).joined(separator: "\n")
    }
}
