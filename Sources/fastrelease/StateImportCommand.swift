import ArgumentParser
import FastReleaseCore
import FastReleaseFiles
import FastReleaseServer
import FastReleaseStore
import Logging

/// `fastrelease state import DIR --store STORE`: a folder of state files added to the reference
/// state a decision log keeps, as one recorded change.
struct StateImportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Add a folder of reference state files to the state a decision log keeps, as one recorded change.",
        discussion: """
            Rows replace those with the same key (a lot's id, a supplier's code, a monitored test, a \
            unit-consumption pair); results are added. All the files are applied or none: every \
            mistake is listed with its file, line and column. Services on the log see the change \
            within seconds. Exit status: 0 when imported, 2 when the files have mistakes.
            """)

    @Argument(help: "The folder of state files (docs/state.md).")
    var directory: String

    @Option(help: "The decision log: a SQLite file (created if missing) or postgres://user@host/database.")
    var store: String

    @Option(help: "Who is importing, for the history (default: import:DIR).")
    var by: String?

    func run() async throws {
        let out = FileDescriptorSink.standardOutput
        let files: [String: String]
        do {
            files = try StateFolder.files(directory)
        } catch {
            for issue in error.issues { out.print(issue.description) }
            throw ExitCode(2)
        }
        let prefix = directory.hasSuffix("/") ? directory : directory + "/"
        let changedBy = by ?? "import:\(directory)"
        let outcome: Result<(StoredStateChange, ReferenceState?), StateKeeper.Refusal> =
            try await StoreLocation.withLog(store, creating: true) { log in
                var logger = Logger(label: "fastrelease.state")
                logger.logLevel = .warning
                let keeper = StateKeeper(live: LiveState(), log: log, logger: logger)
                do {
                    let change = try await keeper.apply(files: files, changedBy: changedBy, role: "operator")
                    return .success((change, keeper.live.current))
                } catch let refusal as StateKeeper.Refusal {
                    return .failure(refusal)
                }
            }
        switch outcome {
        case .success(let (change, state)):
            out.print(
                "\(directory): \(change.rows) rows of \(files.count) file\(files.count == 1 ? "" : "s") recorded as state change \(change.sequence) by \(changedBy)"
            )
            if let state {
                out.print(
                    "the state now holds \(state.lots.count) lots, \(state.suppliers.count) suppliers, \(state.monitoring.count) monitored enterprises"
                )
            }
        case .failure(let refusal):
            for issue in refusal.issues { out.print(prefix + issue.description) }
            out.print(
                "\(directory): \(refusal.issues.count) mistake\(refusal.issues.count == 1 ? "" : "s"); nothing was recorded"
            )
            throw ExitCode(2)
        }
    }
}
