/// A profile's files as text, by path relative to the profile folder: what `PUT /v1/profile`
/// receives and what the profile history keeps, so that any earlier version can be put back.
///
/// Example cases (`tests/`) are not part of it: they do not change decisions.
public struct ProfileBundle: Sendable, Hashable, Codable {
    /// The most files a bundle may hold.
    public static let maxFiles = 200
    /// The most bytes all files together may hold.
    public static let maxBytes = 8 << 20

    /// File texts by relative path (`profile.yaml`, `rules/alerts.yaml`, `enterprises.csv`).
    public var files: [String: String]

    /// Creates a bundle, checking paths and sizes.
    public init(files: [String: String]) throws(ProfileError) {
        var issues: [ProfileIssue] = []
        func refuse(_ path: String, en english: String, zh chinese: String) {
            let position = SourcePosition(source: path, line: 1, column: 1)
            issues.append(ProfileIssue(.error, at: position, OperatorText(en: english, zh: chinese)))
        }
        if files.count > Self.maxFiles {
            refuse("(bundle)", en: "a profile has at most \(Self.maxFiles) files", zh: "风险配置最多 \(Self.maxFiles) 个文件")
        }
        if files.values.reduce(0, { $0 + $1.utf8.count }) > Self.maxBytes {
            refuse("(bundle)", en: "a profile has at most \(Self.maxBytes) bytes", zh: "风险配置最多 \(Self.maxBytes) 字节")
        }
        if files["profile.yaml"] == nil {
            refuse("profile.yaml", en: "the bundle has no profile.yaml", zh: "上传的文件中没有 profile.yaml")
        }
        for path in files.keys where !Self.isSafe(path) {
            refuse(
                path, en: "paths must be relative, of letters, digits, `-`, `_`, `.` and `/`, without `..`",
                zh: "路径必须是相对路径，只含字母、数字、`-`、`_`、`.` 和 `/`，不含 `..`")
        }
        if !issues.isEmpty { throw ProfileError(issues: issues) }
        self.files = files
    }

    /// Loads and checks the bundle as a profile, in memory. Issues name files by their bundle paths.
    ///
    /// - Parameter name: the profile's name when `profile.yaml` gives none.
    public func load(name: String = "uploaded") throws(ProfileError) -> (profile: RiskProfile, warnings: [ProfileIssue])
    {
        try ProfileLoader().load(self, name: name)
    }

    private static func isSafe(_ path: String) -> Bool {
        guard !path.isEmpty, !path.hasPrefix("/"), path.utf8.count <= 200 else { return false }
        let parts = path.split(separator: "/", omittingEmptySubsequences: false)
        return parts.allSatisfy { part in
            !part.isEmpty && part != ".." && part != "."
                && part.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || "-_.".contains($0)) }
        }
    }
}
