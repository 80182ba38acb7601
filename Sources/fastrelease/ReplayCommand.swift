import ArgumentParser
import FastReleaseCore
import FastReleaseOperations
import FastReleaseXML
import Foundation

/// `fastrelease replay`: what a profile would have done to past traffic.
struct ReplayCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "replay",
        abstract: "Re-score past declarations with a profile and report what would change.",
        discussion: """
            --history is a decision log (a SQLite file, or postgres://user[:password]@host[:port]/database), \
            whose declarations in force are replayed with their inspection results; or XML files and folders. \
            The baseline is --baseline when given, else the lanes decided then. The report (lane mix, \
            inspection rate per credit class, hit rate, capture, per-rule hits and hit rate, workload, \
            declarations whose lane changes) is printed, and written as HTML with --html.
            """)

    @Option(help: "The profile to try.")
    var profile: String

    @Option(
        help: "The seeds file of random selection (default: $FASTRELEASE_SEEDS, else PROFILE.seeds beside the profile)."
    )
    var seeds: String?

    @Option(help: "The profile to compare with (default: the lanes decided then).")
    var baseline: String?

    @Option(parsing: .upToNextOption, help: "A decision log, or XML files and folders.")
    var history: [String]

    @Option(help: "Only decisions made on or after this day (2026-11-01).")
    var from: String?

    @Option(help: "Only decisions made before this day (2026-12-01).")
    var to: String?

    @Option(help: "For XML history: the time to judge declarations that state none at (default: now).")
    var at: String?

    @Option(help: "Write the report as an HTML page with charts to this file.")
    var html: String?

    @Option(help: "Lane changes listed in the terminal.")
    var changes = 20

    func run() async throws {
        let err = FileDescriptorSink.standardError
        let newProfile = try ProfileOption.load(profile, seeds: seeds)
        let baselineProfile = try baseline.map { try ProfileOption.load($0, seeds: seeds) }
        let report = try await replayHistory(newProfile, baseline: baselineProfile)
        FileDescriptorSink.standardOutput.print(report.text(maxChanges: changes))
        if let html {
            do {
                try Data(report.html().utf8).write(to: URL(fileURLWithPath: html))
            } catch {
                throw ValidationError("cannot write \(html): \(error)")
            }
            err.print("report written to \(html)")
        }
    }

    /// Replays each past declaration, oldest first, as it is read: memory holds a page of the log,
    /// or one message of XML, whatever the history's size.
    private func replayHistory(_ profile: CompiledProfile, baseline: CompiledProfile?) async throws -> ReplayReport {
        let fromMilliseconds = try day(from, "--from") ?? .min
        let toMilliseconds = try day(to, "--to") ?? .max
        guard history.count == 1, let source = history.first, StoreLocation.isStore(source) else {
            let replay = Replay(profile: profile, baseline: baseline)
            Self.forEachXMLDeclaration(history, judgeAt: try xmlJudgeTime(), Self.counting(replay))
            return replay.report
        }
        return try await StoreLocation.withLog(source) { log in
            let replay = Replay(profile: profile, baseline: baseline)
            try await DecisionHistory(log: log).forEach(
                from: fromMilliseconds, to: toMilliseconds, Self.counting(replay))
            return replay.report
        }
    }

    /// Adds each declaration to `replay`, telling standard error every 50,000.
    private static func counting(_ replay: Replay) -> (PastDeclaration) -> Void {
        var replayed = 0
        return { past in
            replay.add(past)
            replayed += 1
            if replayed % 50_000 == 0 { FileDescriptorSink.standardError.print("replayed \(replayed) declarations…") }
        }
    }

    /// `--at`, the time to judge XML declarations that state none at.
    private func xmlJudgeTime() throws -> CivilTime? {
        guard let at else { return nil }
        guard let time = CivilTime(iso: at) else { throw ValidationError("--at `\(at)` is not a time") }
        return time
    }

    /// Declarations decoded from XML files, one message at a time; without decisions or
    /// inspection results.
    private static func forEachXMLDeclaration(
        _ paths: [String], judgeAt: CivilTime?, _ body: (PastDeclaration) -> Void
    ) {
        var source = InputFrameSource(paths: paths, limits: XMLLimits())
        let decoder = XMLMessageDecoder()
        while let frame = source.next() {
            var records: [DecodedRecord] = []
            if frame.problem == nil { decoder.decode(frame, into: &records) }
            for case .declaration(let declaration, _) in records where declaration.function == .original {
                body(PastDeclaration(declaration: declaration, decidedLane: nil, asOf: judgeAt, nonconforming: nil))
            }
        }
    }

    private func day(_ text: String?, _ option: String) throws -> Int64? {
        guard let text else { return nil }
        guard let time = CivilTime(iso: text) ?? CivilTime(compact: text.replacingOccurrences(of: "-", with: "")) else {
            throw ValidationError("\(option) `\(text)` is not a day; write 2026-11-01")
        }
        return time.unixSeconds(offsetSeconds: 0) * 1000
    }

}
