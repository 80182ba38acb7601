import ArgumentParser

/// `fastrelease state check|import`: the authority's reference state (tested lots, registered
/// suppliers, monitoring, unit consumption) as operators keep it in files and in the decision log.
struct StateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "state",
        abstract:
            "Check reference state files (tested lots, registered suppliers, monitoring) or import them into a decision log.",
        subcommands: [StateCheckCommand.self, StateImportCommand.self])
}
