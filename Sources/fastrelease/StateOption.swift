import ArgumentParser
import FastReleaseCore
import FastReleaseFiles

/// Reads the reference state named by `--state`, or stops with every mistake on standard error.
enum StateOption {
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
