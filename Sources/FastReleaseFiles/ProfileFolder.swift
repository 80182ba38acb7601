public import FastReleaseCore
import Foundation

/// Profiles on disk: a folder read into a ``ProfileBundle`` (its `.yaml`, `.yml` and `.csv`
/// files, without `tests/` and `state/`), loaded, and its example cases read. The only place FastRelease
/// reads a profile from files; the core loads bundles in memory.
///
/// ```swift
/// let (profile, warnings) = try ProfileFolder.load("Profiles/default")
/// let cases = try ProfileFolder.testCases("Profiles/default/tests")
/// ```
public enum ProfileFolder {
    /// Reads a profile folder's files.
    ///
    /// - Throws: ``ProfileError`` naming the folder when it has no `profile.yaml`, a file that is
    ///   not UTF-8, or more files or bytes than a bundle holds.
    public static func read(_ directory: String) throws(ProfileError) -> ProfileBundle {
        let root = URL(fileURLWithPath: directory).standardizedFileURL
        var files: [String: String] = [:]
        var issues: [ProfileIssue] = []
        let enumerator = FileManager.default.enumerator(at: root, includingPropertiesForKeys: [.isRegularFileKey])
        while let url = enumerator?.nextObject() as? URL {
            let path = String(url.standardizedFileURL.path.dropFirst(root.path.count + 1))
            if ["tests", "state"].contains(path) || path.hasPrefix("tests/") || path.hasPrefix("state/") {
                enumerator?.skipDescendants()
                continue
            }
            guard ["yaml", "yml", "csv"].contains(url.pathExtension),
                let data = FileManager.default.contents(atPath: url.path)
            else { continue }
            guard let text = String(data: data, encoding: .utf8) else {
                let shown = display(directory, path)
                issues.append(
                    issue(
                        shown, en: "\(shown) is not UTF-8 text; save it as UTF-8", zh: "\(shown) 不是 UTF-8 文本；请另存为 UTF-8"
                    ))
                continue
            }
            files[path] = text
        }
        if files["profile.yaml"] == nil {
            let main = display(directory, "profile.yaml")
            issues.append(
                issue(
                    main, en: "cannot read \(main); a profile directory holds profile.yaml",
                    zh: "无法读取 \(main)；风险配置目录中应有 profile.yaml"))
        }
        if !issues.isEmpty { throw ProfileError(issues: issues) }
        do {
            return try ProfileBundle(files: files)
        } catch {
            throw ProfileError(
                issues: error.issues.map { found in
                    var found = found
                    found.position.source = display(directory, found.position.source)
                    return found
                })
        }
    }

    /// Reads and loads a profile folder, with its sampling seeds (``SeedsFile``: `seeds`, else
    /// `FASTRELEASE_SEEDS`, else `FOLDER.seeds` when it exists); messages name files by their
    /// paths under `directory`. With `withSeeds: false`, no seeds are read (an auditor's view).
    public static func load(_ directory: String, seeds: String? = nil, withSeeds: Bool = true) throws(ProfileError)
        -> (profile: RiskProfile, warnings: [ProfileIssue])
    {
        let bundle = try read(directory)
        let name = URL(fileURLWithPath: directory).standardizedFileURL.lastPathComponent
        let (profile, warnings) = try ProfileLoader().load(bundle, name: name, sourcePrefix: display(directory, ""))
        guard withSeeds else { return (profile, warnings) }
        let (seeded, seedWarnings) = try SeedsFile.attach(to: profile, given: seeds, folder: directory)
        return (seeded, warnings + seedWarnings)
    }

    /// Reads the example cases of a `tests/` folder (its `*.yaml` and `*.yml` files).
    public static func testCases(_ directory: String) throws(ProfileError) -> [ProfileTestCase] {
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? [])
            .filter { $0.hasSuffix(".yaml") || $0.hasSuffix(".yml") }
        var files: [String: String] = [:]
        var issues: [ProfileIssue] = []
        for name in names {
            let path = display(directory, name)
            guard let data = FileManager.default.contents(atPath: path) else {
                issues.append(issue(path, en: "cannot read the file", zh: "无法读取此文件"))
                continue
            }
            files[name] = String(decoding: data, as: UTF8.self)
        }
        if !issues.isEmpty { throw ProfileError(issues: issues) }
        return try ProfileTestLoader().load(files: files, folder: directory)
    }

    /// `directory/path`, as messages show it.
    private static func display(_ directory: String, _ path: String) -> String {
        directory.hasSuffix("/") ? directory + path : directory + "/" + path
    }

    private static func issue(_ source: String, en english: String, zh chinese: String) -> ProfileIssue {
        ProfileIssue(
            .error, at: SourcePosition(source: source, line: 1, column: 1), OperatorText(en: english, zh: chinese))
    }
}
