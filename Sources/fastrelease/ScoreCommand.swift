import ArgumentParser
import FastReleaseCore
import FastReleaseXML
import Foundation

/// `fastrelease score`: decide every declaration of the inputs and write the decisions.
struct ScoreCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "score",
        abstract: "Decide declarations: read XML messages, write one decision per declaration.",
        discussion: """
            Reads CEB621/CEB603 inventories and WCO DEC-DMS declarations (the format is told by each \
            message's root) from files, folders (their .xml files) or standard input (`-`, messages \
            one after another), scores each declaration against the risk profile, and writes \
            decisions in input order to standard output. A summary goes to standard error. WCO \
            amendments and cancellations need the decisions they change: send them to `serve`. \
            With --state, rules that name evidence are judged against the reference state in that \
            folder (docs/state.md), lots are written off in input order (the same decisions with \
            any number of threads) and the summary shows what each lot has left.
            Exit status: 0 when every declaration was decided, 1 when some could not be (error \
            records were written), 2 when the profile or the options are wrong.
            """)

    enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
        case jsonl, xml
    }

    @Option(help: "The risk profile directory (default: $FASTRELEASE_PROFILE, else Profiles/default).")
    var profile: String?

    @Option(
        help: "The seeds file of random selection (default: $FASTRELEASE_SEEDS, else PROFILE.seeds beside the profile)."
    )
    var seeds: String?

    @Option(
        help:
            "The language of rule reasons and trader notices, such as zh or en (default: the profile's); rules without a text in it keep theirs."
    )
    var language: String?

    @Option(help: "A folder of reference state files (lots, suppliers, monitoring) for rules that name evidence.")
    var state: String?

    @Option(help: "Output format: jsonl (one JSON object per line) or xml.")
    var format: OutputFormat = .jsonl

    @Option(help: "Worker threads (default: all cores).")
    var threads: Int?

    @Option(help: "Largest message accepted, in bytes.")
    var maxMessageBytes: Int = XMLLimits().maxMessageBytes

    @Flag(help: "Do not print the summary on standard error.")
    var quiet = false

    @Argument(help: "Files, folders or - for standard input (default: standard input).")
    var paths: [String] = []

    func validate() throws {
        if let threads, !(1...512).contains(threads) { throw ValidationError("--threads must be between 1 and 512") }
        if maxMessageBytes < 1024 { throw ValidationError("--max-message-bytes must be at least 1024") }
    }

    func run() throws {
        let compiled = try ProfileOption.load(profile, seeds: seeds, language: language)
        let reference = try StateOption.load(state)
        let limits = XMLLimits(maxMessageBytes: maxMessageBytes)
        let encoder: any DecisionEncoder = format == .xml ? XMLDecisionEncoder() : JSONLinesEncoder()
        let options = ScoringPipeline.Options(threads: threads, state: reference)
        let pipeline = ScoringPipeline(profile: compiled, encoder: encoder, options: options) {
            XMLMessageDecoder(limits: limits)
        }
        var source = InputFrameSource(paths: paths, limits: limits)
        let summary = try pipeline.run(&source, sink: FileDescriptorSink.standardOutput)
        if !quiet {
            FileDescriptorSink.standardError.print(
                "profile \(compiled.version) (\(compiled.ruleCount) rules)\n\(summary)")
        }
        if summary.errors > 0 { throw ExitCode(1) }
    }
}
