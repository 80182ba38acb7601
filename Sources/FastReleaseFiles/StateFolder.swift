public import FastReleaseCore
import Foundation

/// The reference state on disk: a folder of the CSV files ``ReferenceStateReader`` reads
/// (`lots.csv`, `lot-tests.csv`, `suppliers.csv`, `monitoring.csv`, `monitoring-results.csv`,
/// `unit-consumption.csv`; each optional).
///
/// ```swift
/// let state = try StateFolder.read("Profiles/default/state")
/// ```
public enum StateFolder {
    /// The file names read.
    public static var fileNames: [String] { ReferenceStateReader.fileNames }

    /// `DIR/state` beside a profile folder, when that folder exists.
    public static func beside(profile directory: String) -> String? {
        let folder = (directory as NSString).appendingPathComponent("state")
        var isFolder: ObjCBool = false
        return FileManager.default.fileExists(atPath: folder, isDirectory: &isFolder) && isFolder.boolValue
            ? folder : nil
    }

    /// The folder's state files' texts by name (those it holds).
    ///
    /// - Throws: ``ReferenceStateError`` naming a file that is not UTF-8, or the folder when it
    ///   holds none of the files.
    public static func files(_ directory: String) throws(ReferenceStateError) -> [String: String] {
        let prefix = directory.hasSuffix("/") ? directory : directory + "/"
        var files: [String: String] = [:]
        var issues: [ProfileIssue] = []
        for name in fileNames {
            guard let data = FileManager.default.contents(atPath: prefix + name) else { continue }
            guard let text = String(data: data, encoding: .utf8) else {
                issues.append(issue(prefix + name, "\(prefix + name) is not UTF-8 text; save it as UTF-8"))
                continue
            }
            files[name] = text
        }
        if files.isEmpty, issues.isEmpty {
            issues.append(
                issue(
                    directory,
                    "\(directory) holds no state file; put one or more of \(fileNames.joined(separator: ", ")) in it"))
        }
        if !issues.isEmpty { throw ReferenceStateError(issues: issues) }
        return files
    }

    /// Reads and checks the folder's state files; messages name them by their path.
    ///
    /// - Throws: ``ReferenceStateError`` with every mistake, or naming the folder when it holds
    ///   none of the files, or a file that is not UTF-8.
    public static func read(_ directory: String) throws(ReferenceStateError) -> ReferenceState {
        let prefix = directory.hasSuffix("/") ? directory : directory + "/"
        return try ReferenceStateReader().read(files: try files(directory), prefix: prefix)
    }

    private static func issue(_ source: String, _ message: String) -> ProfileIssue {
        ProfileIssue(.error, at: SourcePosition(source: source, line: 1, column: 1), message)
    }
}
