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

    public var description: String { description(in: .english) }

    /// A heading, then every issue, in `language`.
    public func description(in language: OperatorLanguage) -> String {
        let count = errors.count
        let heading = OperatorText(
            en: "the profile has \(count) error\(count == 1 ? "" : "s"); fix them and load it again:",
            zh: "风险配置有 \(count) 处错误，请改正后重新加载：")
        return ([heading.inLanguage(language)] + issues.map { $0.description(in: language) }).joined(separator: "\n")
    }
}
