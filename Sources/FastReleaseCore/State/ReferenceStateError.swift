/// State files that could not be read: every mistake, each with its file, line and column and
/// what to fix. Nothing of the files is taken when there is one.
public struct ReferenceStateError: Error, Sendable, CustomStringConvertible {
    /// The mistakes, in file and line order.
    public var issues: [ProfileIssue]

    /// Creates an error.
    public init(issues: [ProfileIssue]) {
        self.issues = issues
    }

    public var description: String { issues.map(\.description).joined(separator: "\n") }
}
