/// Collects the issues found while loading a profile, so that all are reported at once.
final class ProfileDiagnostics {
    private(set) var issues: [ProfileIssue] = []

    var hasErrors: Bool { issues.contains { $0.severity == .error } }

    func error(_ position: SourcePosition, _ text: OperatorText) {
        issues.append(ProfileIssue(.error, at: position, text))
    }

    func error(_ position: SourcePosition, en english: String, zh chinese: String) {
        error(position, OperatorText(en: english, zh: chinese))
    }

    func warning(_ position: SourcePosition, en english: String, zh chinese: String) {
        issues.append(ProfileIssue(.warning, at: position, OperatorText(en: english, zh: chinese)))
    }

    /// Issues sorted errors first, then by file, line and column.
    var sortedIssues: [ProfileIssue] {
        issues.enumerated().sorted { left, right in
            let (a, b) = (left.element, right.element)
            if a.severity != b.severity { return a.severity == .error }
            if a.position.source != b.position.source { return a.position.source < b.position.source }
            if a.position.line != b.position.line { return a.position.line < b.position.line }
            if a.position.column != b.position.column { return a.position.column < b.position.column }
            return left.offset < right.offset
        }.map(\.element)
    }
}
