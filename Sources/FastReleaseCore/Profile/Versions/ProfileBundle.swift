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
        func refuse(_ path: String, _ message: String) {
            issues.append(ProfileIssue(.error, at: SourcePosition(source: path, line: 1, column: 1), message))
        }
        if files.count > Self.maxFiles { refuse("(bundle)", "a profile has at most \(Self.maxFiles) files") }
        if files.values.reduce(0, { $0 + $1.utf8.count }) > Self.maxBytes {
            refuse("(bundle)", "a profile has at most \(Self.maxBytes) bytes")
        }
        if files["profile.yaml"] == nil { refuse("profile.yaml", "the bundle has no profile.yaml") }
        for path in files.keys where !Self.isSafe(path) {
            refuse(path, "paths must be relative, of letters, digits, `-`, `_`, `.` and `/`, without `..`")
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
