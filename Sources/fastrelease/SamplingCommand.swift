import ArgumentParser

/// `fastrelease sampling …`: the seeds of random selection, their commitments, and the audit.
struct SamplingCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sampling",
        abstract: "Make seeds and their commitments, and verify a period's draws once its seed is revealed.",
        discussion: "The recipe an auditor follows with standard tools is in docs/profiles.md, \"Random selection\".",
        subcommands: [SamplingSeedCommand.self, SamplingVerifyCommand.self])
}
