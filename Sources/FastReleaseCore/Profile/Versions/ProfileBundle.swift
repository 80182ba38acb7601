public import Foundation

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

    /// Reads the `.yaml`, `.yml` and `.csv` files of a profile folder, without `tests/`.
    public static func read(directory: String) throws(ProfileError) -> ProfileBundle {
        let root = URL(fileURLWithPath: directory).standardizedFileURL
        var files: [String: String] = [:]
        let enumerator = FileManager.default.enumerator(at: root, includingPropertiesForKeys: [.isRegularFileKey])
        while let url = enumerator?.nextObject() as? URL {
            let path = String(url.standardizedFileURL.path.dropFirst(root.path.count + 1))
            if path.hasPrefix("tests/") || path == "tests" {
                enumerator?.skipDescendants()
                continue
            }
            guard ["yaml", "yml", "csv"].contains(url.pathExtension),
                let data = FileManager.default.contents(atPath: url.path)
            else { continue }
            files[path] = String(decoding: data, as: UTF8.self)
        }
        return try ProfileBundle(files: files)
    }

    /// Writes the files under `directory` (created if needed).
    public func write(to directory: URL) throws {
        for (path, text) in files {
            let file = directory.appendingPathComponent(path)
            try FileManager.default.createDirectory(
                at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: file)
        }
    }

    /// Loads and checks the bundle as a profile. Issues name files by their bundle paths.
    public func load() throws(ProfileError) -> (profile: RiskProfile, warnings: [ProfileIssue]) {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("fastrelease-profile-\(UUID())")
        defer { try? FileManager.default.removeItem(at: folder) }
        do {
            try write(to: folder)
        } catch {
            throw ProfileError(issues: [
                ProfileIssue(
                    .error, at: SourcePosition(source: "(bundle)", line: 1, column: 1),
                    "cannot stage the files: \(error)")
            ])
        }
        let prefix = folder.path + "/"
        func relative(_ issues: [ProfileIssue]) -> [ProfileIssue] {
            issues.map { issue in
                var issue = issue
                if issue.position.source.hasPrefix(prefix) {
                    issue.position.source = String(issue.position.source.dropFirst(prefix.count))
                }
                issue.message = issue.message.replacingOccurrences(of: prefix, with: "")
                return issue
            }
        }
        do {
            let (profile, warnings) = try ProfileLoader().load(directory: folder.path)
            return (profile, relative(warnings))
        } catch {
            throw ProfileError(issues: relative(error.issues))
        }
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
