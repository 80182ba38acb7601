import ArgumentParser
import FastReleaseCore
import FastReleaseFiles
import Foundation

/// Reads the reference state named by `--state`, or stops with every mistake on standard error.
enum StateOption {
    /// `DIR/state` when that folder exists, else `nil`.
    static func folder(besideProfile directory: String) -> String? {
        let folder = (directory as NSString).appendingPathComponent("state")
        var isFolder: ObjCBool = false
        return FileManager.default.fileExists(atPath: folder, isDirectory: &isFolder) && isFolder.boolValue
            ? folder : nil
    }

    static func load(_ directory: String?) throws -> ReferenceState? {
        guard let directory else { return nil }
        do {
            return try StateFolder.read(directory)
        } catch {
            let err = FileDescriptorSink.standardError
            for issue in error.issues { err.print(issue.description) }
            err.print("fastrelease: cannot use the reference state in \(directory); fix the mistakes above")
            throw ExitCode(2)
        }
    }
}
