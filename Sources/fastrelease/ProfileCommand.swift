import ArgumentParser
import FastReleaseCore
import FastReleaseFiles
import FastReleaseOperations
import Foundation

/// `fastrelease profile check|test`: what operators run before a profile goes live.
struct ProfileCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "profile",
        abstract: "Check a risk profile, and run the example cases kept with it.",
        subcommands: [ProfileCheckCommand.self, ProfileTestCommand.self])
}
