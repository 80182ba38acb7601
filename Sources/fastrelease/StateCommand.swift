import ArgumentParser

/// `fastrelease state check`: the authority's reference state (tested lots, registered
/// suppliers, monitoring, unit consumption) as operators keep it in files.
struct StateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "state",
        abstract: "Check the reference state files: tested lots, registered suppliers, monitoring.",
        subcommands: [StateCheckCommand.self])
}
