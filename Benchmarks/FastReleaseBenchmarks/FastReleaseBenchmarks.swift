// Micro-benchmarks of the hot path, with ordo-one/benchmark.
//
//     FASTRELEASE_BENCHMARKS=1 swift package --disable-sandbox benchmark
//     FASTRELEASE_BENCHMARKS=1 swift package --disable-sandbox benchmark thresholds check
//
// Wall-clock figures are printed for people; what CI could gate on is the allocation count
// (`mallocCountTotal`), whose committed thresholds are in Benchmarks/Thresholds/. Tolerances
// are set here, per benchmark.

import Benchmark
import FastReleaseBench
import FastReleaseCore
import FastReleaseXML
import Foundation

/// A realistic one-declaration message and the rule profiles to score it against.
struct Fixture {
    let message: MessageFrame
    let declaration: Declaration
    let profiles: [Int: CompiledProfile]

    init() throws {
        // The first one-declaration message of a generated corpus (about 4 KB, 1-20 goods lines).
        let corpus = CorpusGenerator(declarations: 5000, seed: "benchmarks").messages()
        var found: (MessageFrame, Declaration)?
        let decoder = XMLMessageDecoder()
        for (number, bytes) in corpus.messages.enumerated() where found == nil {
            let frame = MessageFrame(source: "benchmark", sequence: number, bytes: bytes, startLine: 1)
            var records: [DecodedRecord] = []
            decoder.decode(frame, into: &records)
            if records.count == 1, case .declaration(let declaration, _) = records[0], declaration.items.count >= 2 {
                found = (frame, declaration)
            }
        }
        guard let (message, declaration) = found else { throw CocoaError(.featureUnsupported) }
        self.message = message
        self.declaration = declaration
        var profiles: [Int: CompiledProfile] = [:]
        for count in [500, 5000] {
            profiles[count] = try SyntheticProfile.make(rules: count, register: corpus.registerCSV)
        }
        self.profiles = profiles
    }
}

let benchmarks: @Sendable () -> Void = {
    let fixture: Fixture
    do {
        fixture = try Fixture()
    } catch {
        fatalError("cannot build the benchmark fixture: \(error)")
    }
    Benchmark.defaultConfiguration = .init(
        metrics: [.wallClock, .cpuTotal, .mallocCountTotal, .throughput],
        warmupIterations: 100,
        scalingFactor: .kilo,
        maxDuration: .seconds(5),
        maxIterations: 100_000
    )
    let allocationTolerance: [BenchmarkMetric: BenchmarkThresholds] = [
        .mallocCountTotal: .init(relative: [.p50: 5.0, .p90: 10.0], absolute: [.p50: 2000, .p90: 4000])
    ]
    let receivedAt = CivilTime(iso: "2026-11-11T12:00")!

    Benchmark("DecodeOneDeclaration", configuration: .init(thresholds: allocationTolerance)) { benchmark in
        let decoder = XMLMessageDecoder()
        var records: [DecodedRecord] = []
        benchmark.startMeasurement()
        for _ in benchmark.scaledIterations {
            records.removeAll(keepingCapacity: true)
            decoder.decode(fixture.message, into: &records)
            blackHole(records)
        }
    }

    for rules in [500, 5000] {
        Benchmark("ScoreOneDeclaration\(rules)Rules", configuration: .init(thresholds: allocationTolerance)) {
            benchmark in
            let scorer = Scorer(profile: fixture.profiles[rules]!)
            benchmark.startMeasurement()
            for _ in benchmark.scaledIterations {
                blackHole(scorer.score(fixture.declaration, receivedAt: receivedAt))
            }
        }
    }

    Benchmark("EndToEndOneDeclaration", configuration: .init(thresholds: allocationTolerance)) { benchmark in
        let decider = MessageDecider(decoder: XMLMessageDecoder(), profile: fixture.profiles[500]!)
        let encoder = JSONLinesEncoder()
        var output: [UInt8] = []
        benchmark.startMeasurement()
        for _ in benchmark.scaledIterations {
            output.removeAll(keepingCapacity: true)
            decider.decide(fixture.message, profile: fixture.profiles[500]!, receivedAt: receivedAt) { record in
                if case .decision(let decision) = record { encoder.encode(decision, into: &output) }
            }
            blackHole(output)
        }
    }
}
