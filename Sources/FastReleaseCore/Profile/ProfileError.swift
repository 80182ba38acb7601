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
