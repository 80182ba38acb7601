import FastReleaseBench
import FastReleaseCore
import FastReleaseFiles
import FastReleaseTestSupport
import FastReleaseXML
import Foundation
import Synchronization
import Testing

/// Speed work must not change a single decision: a fixed corpus (generated, plus the official
/// samples) scored with the default profile, its seeds and its reference state at a fixed time
/// gives the same bytes as the code before the work, in both output formats and with any
/// number of threads. Only the measured timings are left out of the comparison.
///
/// The digests were taken from the code at 8816358 (before the speed work of issue 12). When a
/// change is meant to alter decisions, the failure message names a file with the new output to
/// read, and the digest is updated in the same commit with the reason.
@Suite("Golden decisions")
struct GoldenDecisionsTests {
    static let expected: [String: String] = [
        "jsonl": "e33d210a93832e97649be32d63f4ff5543f9b3e3a56f3815ab4c2d84a5740262",
        "xml": "fc1d7a64bd87ca1409e6c2bab6b35028e1f457771dcc373d27a102e8357362c7",
    ]

    @Test(arguments: ["jsonl", "xml"])
    func theFixedCorpusIsDecidedAsBeforeWithOneAndTwoThreads(format: String) throws {
        let folder = try TemporaryDirectory()
        let corpus = folder.url.appendingPathComponent("corpus")
        let generator = CorpusGenerator(declarations: 3000, seed: "golden")
        _ = try generator.write(to: corpus, profile: Fixtures.defaultProfile)
        let profileFolder = corpus.appendingPathComponent("profile").path
        let (profile, _) = try ProfileFolder.load(profileFolder)
        let compiled = CompiledProfile(profile)
        let state = try StateFolder.read(Fixtures.defaultProfile.appendingPathComponent("state").path)
        let frames = try Self.frames(corpus: corpus.appendingPathComponent("messages"))

        var outputs: [Int: [UInt8]] = [:]
        for threads in [1, 2] {
            let encoder: any DecisionEncoder = format == "xml" ? XMLDecisionEncoder() : JSONLinesEncoder()
            let options = ScoringPipeline.Options(
                threads: threads, maxMessagesInFlight: 16,
                clock: .fixed(milliseconds: 1_794_816_000_000),  // 2026-11-16T08:00+08:00
                state: state)
            let pipeline = ScoringPipeline(profile: compiled, encoder: encoder, options: options) {
                XMLMessageDecoder()
            }
            var source = frames
            let sink = MemorySink()
            let summary = try pipeline.run(&source, sink: sink)
            #expect(summary.decisions + summary.errors >= 3000)
            outputs[threads] = Self.withoutTimings(sink.bytes.withLock { $0 })
        }
        let one = try #require(outputs[1])
        #expect(one == outputs[2], "two threads decide exactly as one")
        let digest = SHA256.hex(one)
        if digest != Self.expected[format] {
            let kept = FileManager.default.temporaryDirectory.appendingPathComponent("golden-\(format).out")
            try Data(one).write(to: kept)
            Issue.record(
                "the \(format) output changed: digest \(digest), expected \(Self.expected[format] ?? "none"); the output is in \(kept.path)"
            )
        }
    }

    @Test func snapshotsOfTheCorpusAreWhatJSONEncoderWrites() throws {
        let folder = try TemporaryDirectory()
        let corpus = folder.url.appendingPathComponent("corpus")
        _ = try CorpusGenerator(declarations: 1000, seed: "snapshots").write(
            to: corpus, profile: Fixtures.defaultProfile)
        var frames = try Self.frames(corpus: corpus.appendingPathComponent("messages"))
        let decoder = XMLMessageDecoder()
        var records: [DecodedRecord] = []
        while let frame = frames.next() { decoder.decode(frame, into: &records) }
        var compared = 0
        for case .declaration(let declaration, _) in records {
            #expect(try DeclarationSnapshot.encode(declaration) == DeclarationSnapshot.foundationEncoded(declaration))
            compared += 1
        }
        #expect(compared > 1000)
    }

    /// The generated messages in file order, then every official CEB and WCO sample.
    static func frames(corpus messages: URL) throws -> ListedFrames {
        let names = try FileManager.default.contentsOfDirectory(atPath: messages.path).sorted()
        var all: [(String, [UInt8])] = try names.map {
            ($0, [UInt8](try Data(contentsOf: messages.appendingPathComponent($0))))
        }
        all += try Fixtures.officialCEBNames().map { ($0, try Fixtures.officialCEB($0)) }
        all += try Fixtures.officialWCODeclarationNames().map { ($0, try Fixtures.officialWCODeclaration($0)) }
        return ListedFrames(
            frames: all.enumerated().map { number, file in
                MessageFrame(source: file.0, sequence: number, bytes: file.1, startLine: 1)
            })
    }

    /// The output with every measured duration removed: JSON `"timing":{…}` members and XML
    /// `<Timing …/>` elements.
    static func withoutTimings(_ bytes: [UInt8]) -> [UInt8] {
        let text = String(decoding: bytes, as: UTF8.self)
        let patterns = [#","timing":\{[^}]*\}"#, #"\n *<Timing [^>]*/>"#]
        let stripped = patterns.reduce(text) { text, pattern in
            text.replacingOccurrences(of: pattern, with: "", options: .regularExpression)
        }
        return Array(stripped.utf8)
    }
}

/// Frames handed out from a list.
struct ListedFrames: FrameSource {
    let frames: [MessageFrame]
    var position = 0
    mutating func next() -> MessageFrame? {
        guard position < frames.count else { return nil }
        defer { position += 1 }
        return frames[position]
    }
}
