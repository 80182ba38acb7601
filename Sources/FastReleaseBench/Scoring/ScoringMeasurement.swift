public import FastReleaseCore
import FastReleaseXML
import Foundation

/// Measures scoring alone: declarations are decoded into memory first, then scored in a loop
/// against a profile, several rounds, and the time per declaration is reported (min and median).
public struct ScoringMeasurement: Sendable {
    /// Microseconds per declaration in each round.
    public var roundsMicroseconds: [Double]
    /// How many declarations each round scores.
    public var declarations: Int
    /// Rule evaluations per declaration (the index at work).
    public var rulesEvaluatedPerDeclaration: Double

    /// The fastest round.
    public var minimum: Double { roundsMicroseconds.min() ?? 0 }
    /// The median round.
    public var median: Double {
        let sorted = roundsMicroseconds.sorted()
        return sorted.isEmpty ? 0 : sorted[sorted.count / 2]
    }

    /// Decodes up to `limit` declarations from corpus messages and scores them `rounds` times.
    public static func run(messages: [[UInt8]], profile: CompiledProfile, limit: Int = 50_000, rounds: Int = 5)
        -> ScoringMeasurement
    {
        let decoder = XMLMessageDecoder()
        var records: [DecodedRecord] = []
        for (number, bytes) in messages.enumerated() where records.count < limit {
            decoder.decode(MessageFrame(source: "corpus", sequence: number, bytes: bytes, startLine: 1), into: &records)
        }
        let declarations = records.prefix(limit).compactMap { record -> Declaration? in
            if case .declaration(let declaration, _) = record { return declaration }
            return nil
        }
        let scorer = Scorer(profile: profile)
        let receivedAt = CivilTime(iso: "2026-11-11T12:00")!
        var times: [Double] = []
        var sink = 0
        for _ in 0..<rounds {
            let started = MonotonicClock.nanoseconds()
            declarations.withUnsafeBufferPointer { buffer in
                for index in buffer.indices { sink &+= scorer.score(buffer[index], receivedAt: receivedAt).score }
            }
            times.append(Double(MonotonicClock.nanoseconds() - started) / 1000 / Double(max(1, declarations.count)))
        }
        precondition(sink != Int.min)
        return ScoringMeasurement(
            roundsMicroseconds: times, declarations: declarations.count,
            rulesEvaluatedPerDeclaration: Double(scorer.statistics.rulesEvaluated)
                / Double(max(1, scorer.statistics.declarations)))
    }
}
