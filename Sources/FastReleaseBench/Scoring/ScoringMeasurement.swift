public import FastReleaseCore
import FastReleaseXML
import Foundation

/// Measures scoring alone: each message is decoded and its declarations scored at once against
/// a profile, several rounds, timing only the scoring; the time per declaration is reported (min
/// and median).
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

    /// Scores up to `limit` declarations of the corpus's messages, `rounds` times.
    ///
    /// As in the pipeline, each message's declarations are scored right after the message is
    /// decoded, on the same thread, so they are in the processor's cache as they are there
    /// (decoding the whole corpus first and scoring it afterwards timed cache misses the pipeline
    /// never has). Only scoring is timed, call by call: from the declaration to the decision,
    /// dropped. Declarations are moved out of the decoded records, as the decider moves them,
    /// and freed after the clock stops (what decoding allocated is decoding's cost).
    public static func run(messages: [[UInt8]], profile: CompiledProfile, limit: Int = 50_000, rounds: Int = 5)
        -> ScoringMeasurement
    {
        let decoder = XMLMessageDecoder()
        let scorer = Scorer(profile: profile)
        let receivedAt = CivilTime(iso: "2026-11-11T12:00")!
        var records: [DecodedRecord] = []
        var times: [Double] = []
        var scored = 0
        var sink = 0
        for _ in 0..<rounds {
            scored = 0
            var nanoseconds: UInt64 = 0
            for (number, bytes) in messages.enumerated() where scored < limit {
                records.removeAll(keepingCapacity: true)
                decoder.decode(
                    MessageFrame(source: "corpus", sequence: number, bytes: bytes, startLine: 1), into: &records)
                records.reverse()
                while scored < limit, let record = records.popLast() {
                    guard case .declaration(let declaration, _) = record else { continue }
                    let started = MonotonicClock.nanoseconds()
                    sink &+= scorer.score(declaration, receivedAt: receivedAt).score
                    nanoseconds += MonotonicClock.nanoseconds() - started
                    scored += 1
                    withExtendedLifetime(declaration) {}
                }
            }
            times.append(Double(nanoseconds) / 1000 / Double(max(1, scored)))
        }
        precondition(sink != Int.min)
        return ScoringMeasurement(
            roundsMicroseconds: times, declarations: scored,
            rulesEvaluatedPerDeclaration: Double(scorer.statistics.rulesEvaluated)
                / Double(max(1, scorer.statistics.declarations)))
    }
}
