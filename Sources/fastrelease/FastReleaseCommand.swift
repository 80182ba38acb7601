import ArgumentParser

/// The `fastrelease` command line: thin wrappers over the FastRelease libraries.
@main
struct FastReleaseCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "fastrelease",
        abstract: "Risk scoring and fast release of customs declarations.",
        subcommands: [
            ScoreCommand.self, ServeCommand.self, ProfileCommand.self, StateCommand.self, ReplayCommand.self,
            ReportCommand.self, SamplingCommand.self,
            CorpusCommand.self,
            BenchCommand.self,
            BenchScoringCommand.self,
        ])
}
