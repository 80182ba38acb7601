import ArgumentParser
import FastReleaseCore
import FastReleaseFiles
import FastReleaseOperations
import Foundation

/// `fastrelease profile test DIR`: runs `DIR/tests/*.yaml`.
struct ProfileTestCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "test",
        abstract: "Run the example cases in the profile's tests/ folder and report each.",
        discussion: """
            Each case is a declaration (a YAML sketch or an XML message) and the lane, rules and lab \
            tests the profile must give it (see docs/profiles.md, "Example cases"). Exit status: 0 when \
            every case passes, 1 when some fail, 2 when the profile or a case cannot be read. Rules that \
            name evidence are judged against DIR/state (docs/state.md) when the folder exists.
            """)

    @Argument(help: "The profile directory.")
    var directory = "Profiles/default"

    @Option(help: "The seeds file of random selection (default: $FASTRELEASE_SEEDS, else DIR.seeds).")
    var seeds: String?

    @Flag(help: "Print only failures and the summary.")
    var quiet = false

    func run() throws {
        let out = FileDescriptorSink.standardOutput
        let profile = try ProfileOption.load(directory, seeds: seeds)
        let testsDirectory = (directory as NSString).appendingPathComponent("tests")
        let cases: [ProfileTestCase]
        do {
            cases = try ProfileFolder.testCases(testsDirectory)
        } catch {
            for issue in error.issues { out.print(issue.description(in: MessageLanguage.current)) }
            out.print("\(testsDirectory): the cases cannot be read")
            throw ExitCode(2)
        }
        let state = try StateOption.load(StateFolder.beside(profile: directory))
        let results = ProfileTestRunner(profile: profile, testsDirectory: testsDirectory, state: state).run(cases)
        for result in results where !(quiet && result.passed) {
            let file = (result.testCase.position.source as NSString).lastPathComponent
            let lane = result.decision.map { " → \($0.lane.name)" } ?? ""
            out.print("\(result.passed ? "PASS" : "FAIL")  \(file)  \(result.testCase.name)\(lane)")
            for problem in result.problems { out.print("      \(result.testCase.position): \(problem)") }
        }
        let failed = results.filter { !$0.passed }.count
        let practices = Set(results.flatMap(\.testCase.practices)).sorted().map(String.init).joined(separator: ", ")
        out.print(
            "\(results.count) cases: \(results.count - failed) passed, \(failed) failed (profile \(profile.version); practices covered: \(practices))"
        )
        if failed > 0 { throw ExitCode(1) }
    }
}
