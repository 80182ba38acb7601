import ArgumentParser
import FastReleaseLoad
import Foundation

/// `fastrelease-bench load`: drive a running service open-loop and measure it.
struct LoadCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "load",
        abstract: "Drive a running FastRelease service at a fixed rate and measure latency.",
        discussion: """
            Open loop: request i is sent at start + i/rate whatever happened before, and its latency \
            is measured from that intended time, so stalls are not hidden. Every declaration has a \
            new id (no replays). Writes report.json and latency.svg into --out.
            """)

    @Option(help: "The service's base URL.")
    var url: String

    @Option(help: "Requests per second.")
    var rate: Double

    @Option(help: "Seconds of sending.")
    var duration: Double

    @Option(help: "Declarations in each message (1-100).")
    var declarationsPerMessage: Int = 1

    @Option(help: "The gateway token (default: $FASTRELEASE_BENCH_TOKEN).")
    var token: String?

    @Option(help: "Most connections to the service.")
    var connections: Int = 64

    @Option(help: "Folder for report.json and latency.svg.")
    var out: String = "out/bench"

    func validate() throws {
        guard rate > 0, duration > 0 else { throw ValidationError("--rate and --duration must be positive") }
        guard (1...100).contains(declarationsPerMessage) else {
            throw ValidationError("--declarations-per-message is 1 to 100")
        }
        guard connections > 0 else { throw ValidationError("--connections must be positive") }
    }

    func run() async throws {
        guard let token = token ?? ProcessInfo.processInfo.environment["FASTRELEASE_BENCH_TOKEN"] else {
            throw ValidationError("give --token or FASTRELEASE_BENCH_TOKEN: a gateway token of the service")
        }
        let generator = LoadGenerator(
            url: url, rate: rate, duration: duration, declarationsPerMessage: declarationsPerMessage, token: token,
            connections: connections)
        let report = try await generator.run { printError("bench: \($0)") }
        try LoadGenerator.write(report, to: URL(fileURLWithPath: out))
        print(report.summary)
        printError("bench: wrote \(out)/report.json and \(out)/latency.svg")
    }
}
