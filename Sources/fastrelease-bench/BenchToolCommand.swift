import ArgumentParser
import Foundation

/// `fastrelease-bench`: the benchmark tools, apart from the service binary so that `fastrelease`
/// links neither the load generator's HTTP client nor its histograms.
@main
struct BenchToolCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "fastrelease-bench",
        abstract: "Benchmark FastRelease: generate a corpus, load a running service, time scoring alone.",
        subcommands: [CorpusCommand.self, LoadCommand.self, ScoringBenchCommand.self])
}

/// Writes a line to standard error (progress and summaries; decisions and reports go to files
/// or standard output).
func printError(_ text: String) {
    FileHandle.standardError.write(Data((text + "\n").utf8))
}
