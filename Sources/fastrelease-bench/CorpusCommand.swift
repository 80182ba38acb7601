import ArgumentParser
import FastReleaseBench
import Foundation

/// `fastrelease-bench corpus`: write a reproducible benchmark corpus.
struct CorpusCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "corpus",
        abstract: "Write a reproducible corpus of CEB621/CEB603 messages for benchmarks.",
        discussion: """
            The same seed and size give the same bytes. The folder gets messages/ (one message per \
            file), enterprises.csv, profile/ (the profile with the corpus's register) and manifest.json.
            """)

    @Option(help: "How many declarations.")
    var declarations: Int?

    @Option(help: "A preset instead of --declarations: double-11 (Hangzhou Bay, 11 November: 2,340,000).")
    var preset: String?

    @Option(help: "The random seed.")
    var seed: String = "fastrelease"

    @Option(help: "The folder to write.")
    var out: String

    @Option(help: "The profile copied into the corpus, with the corpus's register.")
    var profile: String = "Profiles/default"

    func validate() throws {
        if let preset, preset != "double-11" { throw ValidationError("the only preset is double-11") }
        if preset == nil, (declarations ?? 0) < 1 {
            throw ValidationError("give --declarations N (at least 1) or --preset double-11")
        }
        if !FileManager.default.fileExists(atPath: profile + "/profile.yaml") {
            throw ValidationError(
                "no profile at \(profile) (no profile.yaml there); run from the repository's root or give --profile FOLDER"
            )
        }
    }

    func run() throws {
        let count = preset == nil ? declarations! : CorpusGenerator.doubleElevenDeclarations
        let started = Date()
        var lastReport = Date()
        let summary = try CorpusGenerator(declarations: count, seed: seed).write(
            to: URL(fileURLWithPath: out), profile: URL(fileURLWithPath: profile)
        ) { written in
            if Date().timeIntervalSince(lastReport) >= 2 {
                lastReport = Date()
                printError(
                    "corpus: \(written) of \(count) declarations (\(written * 100 / count) %)")
            }
        }
        let seconds = Date().timeIntervalSince(started)
        printError(
            "corpus: \(summary.declarations) declarations (\(summary.imports) import, \(summary.exports) export) in \(summary.messages) messages, "
                + "\(summary.bytes / 1_048_576) MiB, \(summary.bytes / max(1, summary.declarations)) bytes a declaration, in \(String(format: "%.1f", seconds)) s"
        )
    }
}
