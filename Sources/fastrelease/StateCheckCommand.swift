import ArgumentParser
import FastReleaseCore
import FastReleaseFiles

/// `fastrelease state check DIR`: every mistake of a folder of state files, as
/// `file:line:column: …`, or what it holds.
struct StateCheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "List every mistake of a folder of reference state files with its file, line and column.",
        discussion: """
            The folder holds lots.csv, lot-tests.csv, suppliers.csv, monitoring.csv, \
            monitoring-results.csv and unit-consumption.csv (each optional; docs/state.md has their columns). \
            Exit status: 0 when the files can be used, 2 when they have mistakes.
            """)

    @Argument(help: "The folder of state files.")
    var directory: String

    @Option(help: "Show monitoring as it stands at this time (2026-11-15T10:30:00).")
    var at: String?

    func run() throws {
        let out = FileDescriptorSink.standardOutput
        let state: ReferenceState
        do {
            state = try StateFolder.read(directory)
        } catch {
            for issue in error.issues { out.print(issue.description) }
            out.print(
                "\(directory): \(error.issues.count) mistake\(error.issues.count == 1 ? "" : "s"); nothing was read")
            throw ExitCode(2)
        }
        let tests = state.lots.values.reduce(0) { $0 + $1.tests.count }
        func count(_ number: Int, _ noun: String) -> String { "\(number) \(noun)\(number == 1 ? "" : "s")" }
        out.print(
            "\(directory): \(count(state.lots.count, "lot")) (\(count(tests, "test"))), "
                + "\(count(state.suppliers.count, "supplier")), \(count(state.monitoring.count, "monitored enterprise")), "
                + "\(count(state.consumption.count, "unit-consumption row"))")
        guard let at else { return }
        guard let time = CivilTime(iso: at) else {
            throw ValidationError("--at `\(at)` is not a time; write 2026-11-15T10:30:00")
        }
        for (code, record) in state.monitoring.sorted(by: { $0.key < $1.key }) {
            for test in record.tests {
                out.print("enterprise \(code): \(test.status(at: time).explanation(of: test.test))")
            }
        }
        for (code, supplier) in state.suppliers.sorted(by: { $0.key < $1.key }) {
            for test in supplier.monitoring {
                out.print(
                    "supplier \(code) (\(supplier.standing.rawValue)): \(test.status(at: time).explanation(of: test.test))"
                )
            }
        }
    }
}
