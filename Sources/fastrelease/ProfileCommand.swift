import ArgumentParser
import FastReleaseCore
import FastReleaseFiles
import FastReleaseOperations
import Foundation

/// `fastrelease profile check|test`: what operators run before a profile goes live.
struct ProfileCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "profile",
        abstract: "Check a risk profile, and run the example cases kept with it.",
        subcommands: [ProfileCheckCommand.self, ProfileTestCommand.self])
}

/// `fastrelease profile check DIR`: every error and warning, as `file:line:column: …`.
struct ProfileCheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "List every error and warning of a profile with its file, line and column.",
        discussion: "Exit status: 0 when the profile can be used (warnings allowed), 2 when it has errors.")

    @Argument(help: "The profile directory.")
    var directory = "Profiles/default"

    @Option(help: "Judge validity windows and review dates at this time (2026-11-15T10:30:00; default: now).")
    var at: String?

    func run() throws {
        let out = FileDescriptorSink.standardOutput
        do {
            let (profile, loaderWarnings) = try ProfileFolder.load(directory)
            let now: CivilTime
            if let at {
                guard let time = CivilTime(iso: at) else {
                    throw ValidationError("--at `\(at)` is not a time; write 2026-11-15T10:30:00")
                }
                now = time
            } else {
                now = CivilTime.now(offsetSeconds: profile.timeZoneOffsetSeconds)
            }
            let warnings = loaderWarnings + ProfileReview(profile: profile, now: now).warnings()
            for warning in warnings { out.print(warning.description) }
            let compiled = CompiledProfile(profile)
            out.print(
                "\(directory): profile \(compiled.version), \(profile.rules.count) rules, 0 errors, \(warnings.count) warning\(warnings.count == 1 ? "" : "s")"
            )
        } catch let error as ProfileError {
            for issue in error.issues { out.print(issue.description) }
            out.print(
                "\(directory): \(error.errors.count) error\(error.errors.count == 1 ? "" : "s"); the profile cannot be used"
            )
            throw ExitCode(2)
        }
    }
}

/// `fastrelease profile test DIR`: runs `DIR/tests/*.yaml`.
struct ProfileTestCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "test",
        abstract: "Run the example cases in the profile's tests/ folder and report each.",
        discussion: """
            Each case is a declaration (a YAML sketch or an XML message) and the lane, rules and lab \
            tests the profile must give it (see docs/profiles.md, "Example cases"). Exit status: 0 when \
            every case passes, 1 when some fail, 2 when the profile or a case cannot be read.
            """)

    @Argument(help: "The profile directory.")
    var directory = "Profiles/default"

    @Flag(help: "Print only failures and the summary.")
    var quiet = false

    func run() throws {
        let out = FileDescriptorSink.standardOutput
        let profile = try ProfileOption.load(directory)
        let testsDirectory = (directory as NSString).appendingPathComponent("tests")
        let cases: [ProfileTestCase]
        do {
            cases = try ProfileFolder.testCases(testsDirectory)
        } catch {
            for issue in error.issues { out.print(issue.description) }
            out.print("\(testsDirectory): the cases cannot be read")
            throw ExitCode(2)
        }
        let results = ProfileTestRunner(profile: profile, testsDirectory: testsDirectory).run(cases)
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
