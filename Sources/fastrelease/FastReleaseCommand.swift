import ArgumentParser

/// The `fastrelease` command line: thin wrappers over the FastRelease libraries. The benchmark
/// tools (corpus, load, scoring) are `fastrelease-bench`.
@main
struct FastReleaseCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "fastrelease",
        abstract: "Risk scoring and fast release of customs declarations.",
        subcommands: [
            ScoreCommand.self, ServeCommand.self, ProfileCommand.self, StateCommand.self, ReplayCommand.self,
            ReportCommand.self, SamplingCommand.self,
        ])
}
