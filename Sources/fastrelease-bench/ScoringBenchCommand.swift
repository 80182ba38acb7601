import ArgumentParser
import FastReleaseBench
import Foundation

/// `fastrelease-bench scoring`: time scoring alone on a corpus's declarations.
struct ScoringBenchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "scoring",
        abstract: "Time scoring alone, per declaration, against synthetic profiles of many rules.",
        discussion:
            "Reads the corpus's messages into memory first; then, several rounds, decodes each message and scores its declarations at once, as the pipeline does, timing only the scoring."
    )

    @Option(help: "Rule counts to measure.")
    var rules: [Int] = [500, 5000]

    @Option(help: "Rounds per rule count (min and median are reported).")
    var rounds: Int = 5

    @Option(help: "Most declarations to score.")
    var limit: Int = 50_000

    @Argument(help: "A corpus folder written by `fastrelease-bench corpus`.")
    var corpus: String

    func run() throws {
        let folder = URL(fileURLWithPath: corpus)
        let register = try String(contentsOf: folder.appendingPathComponent("enterprises.csv"), encoding: .utf8)
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.appendingPathComponent("messages").path)
            .sorted()
        var messages: [[UInt8]] = []
        var declarationsRead = 0
        for file in files where declarationsRead < limit {
            let bytes = Array(
                try Data(contentsOf: folder.appendingPathComponent("messages").appendingPathComponent(file)))
            declarationsRead += bytes.count / 3500 + 1
            messages.append(bytes)
        }
        for count in rules {
            let profile = try SyntheticProfile.make(rules: count, register: register)
            let result = ScoringMeasurement.run(messages: messages, profile: profile, limit: limit, rounds: rounds)
            print(
                String(
                    format:
                        "scoring, %5d rules: min %.3f µs, median %.3f µs per declaration (%d declarations, %d rounds, %.1f rules evaluated each)",
                    count, result.minimum, result.median, result.declarations, rounds,
                    result.rulesEvaluatedPerDeclaration))
        }
    }
}
