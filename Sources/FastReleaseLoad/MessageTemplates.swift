import FastReleaseBench
import Foundation

/// Request bodies for the load generator: corpus messages whose declaration ids are made
/// unique for every request, so the service decides every declaration anew (no replays).
struct MessageTemplates: Sendable {
    /// Each template split where the request's unique token goes.
    private let templates: [[String]]

    /// `count` different messages of `declarationsPerMessage` declarations each.
    init(declarationsPerMessage: Int, count: Int = 32, seed: String = "load") {
        let corpus = CorpusGenerator(
            declarations: declarationsPerMessage * count, seed: seed, declarationsPerMessage: declarationsPerMessage
        ).messages()
        templates = corpus.messages.map { bytes in
            String(decoding: bytes, as: UTF8.self)
                .replacingOccurrences(of: "</ceb:copNo>", with: "-@TOKEN@</ceb:copNo>")
                .components(separatedBy: "@TOKEN@")
        }
    }

    /// The body of request `number`, with ids unique to `run` and `number`.
    func body(_ number: Int, run: String) -> String {
        templates[number % templates.count].joined(separator: "\(run)-\(number)")
    }
}
