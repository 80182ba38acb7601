import ArgumentParser
import FastReleaseCore
import FastReleaseFiles
import FastReleaseOperations
import Foundation

/// `fastrelease profile check DIR`: every error and warning, as `file:line:column: …`.
struct ProfileCheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "List every error and warning of a profile with its file, line and column.",
        discussion: """
            Rules that name evidence are checked against the reference state (--state, else the \
            profile's state/ folder when there is one): a warning names each kind of evidence the \
            state cannot hold. Exit status: 0 when the profile can be used (warnings allowed), 2 when \
            it or the state has errors.
            """)

    @Argument(help: "The profile directory.")
    var directory = "Profiles/default"

    @Option(help: "Judge validity windows and review dates at this time (2026-11-15T10:30:00; default: now).")
    var at: String?

    @Option(help: "The reference state folder evidence is checked against (default: the profile's state/ folder).")
    var state: String?

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
            let reference = try StateOption.load(state ?? StateFolder.beside(profile: directory))
            let warnings =
                loaderWarnings + ProfileReview(profile: profile, now: now).warnings()
                + EvidenceReview(profile: profile, state: reference).warnings()
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
