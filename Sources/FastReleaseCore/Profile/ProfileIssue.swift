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
    /// What is wrong and what to do, in each language it is written in.
    public var text: OperatorText

    /// What is wrong and what to do, in English.
    public var message: String { text.english }

    /// Creates an issue with a message in English and Chinese.
    public init(_ severity: Severity, at position: SourcePosition, _ text: OperatorText) {
        self.severity = severity
        self.position = position
        self.text = text
    }

    /// Creates an issue with a message in English only.
    public init(_ severity: Severity, at position: SourcePosition, _ message: String) {
        self.init(severity, at: position, OperatorText(english: message))
    }

    /// `file:line:column: error: message`, the form compilers and editors understand.
    public var description: String { description(in: .english) }

    /// `file:line:column: error: message` with the message in `language`; the `error` and
    /// `warning` words stay, as editors look for them.
    public func description(in language: OperatorLanguage) -> String {
        "\(position): \(severity.rawValue): \(text.inLanguage(language))"
    }
}
