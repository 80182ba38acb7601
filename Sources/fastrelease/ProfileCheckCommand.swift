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

    @Option(help: "The language of the messages: en or zh (default: the locale's, LC_ALL, LC_MESSAGES or LANG).")
    var language: String?

    func validate() throws {
        if let language, OperatorLanguage(code: language) == nil {
            throw ValidationError("--language `\(language)`: write en or zh")
        }
    }

    func run() throws {
        let out = FileDescriptorSink.standardOutput
        let messages = language.flatMap { OperatorLanguage(code: $0) } ?? MessageLanguage.current
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
            for warning in warnings { out.print(warning.description(in: messages)) }
            let compiled = CompiledProfile(profile)
            let (rules, count) = (profile.rules.count, warnings.count)
            let summary = OperatorText(
                en:
                    "\(directory): profile \(compiled.version), \(rules) rules, 0 errors, \(count) warning\(count == 1 ? "" : "s")",
                zh: "\(directory)：风险配置 \(compiled.version)，\(rules) 条规则，0 处错误，\(count) 条警告")
            out.print(summary.inLanguage(messages))
        } catch let error as ProfileError {
            for issue in error.issues { out.print(issue.description(in: messages)) }
            let count = error.errors.count
            let summary = OperatorText(
                en: "\(directory): \(count) error\(count == 1 ? "" : "s"); the profile cannot be used",
                zh: "\(directory)：\(count) 处错误；此风险配置不能使用")
            out.print(summary.inLanguage(messages))
            throw ExitCode(2)
        }
    }
}
