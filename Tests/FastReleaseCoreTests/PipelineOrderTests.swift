import FastReleaseCore
import FastReleaseTestSupport
import Foundation
import Synchronization
import Testing

/// A decoder that makes `count` declarations per frame, after a pause that varies by frame,
/// so that workers finish out of order.
final class SlowFakeDecoder: MessageDecoder {
    func decode(_ frame: MessageFrame, into records: inout [DecodedRecord]) {
        usleep(UInt32((frame.sequence * 7919) % 5) * 300)
        let count = Int(frame.bytes.first ?? 1)
        for number in 0..<count {
            if number == 1, frame.sequence % 10 == 3 {
                records.append(
                    .error(
                        DeclarationError(
                            code: .malformedXML, position: SourcePosition(source: frame.source, line: 1, column: 1),
                            declarationID: "F\(frame.sequence)-\(number)", reason: "broken")))
            } else {
                records.append(
                    .declaration(DeclarationBuilder.make(id: "F\(frame.sequence)-\(number)"), decodeMicroseconds: 0))
            }
        }
    }
}

struct CountingFrames: FrameSource {
    var sequence = 0
    let total: Int
    mutating func next() -> MessageFrame? {
        guard sequence < total else { return nil }
        defer { sequence += 1 }
        return MessageFrame(source: "mem", sequence: sequence, bytes: [UInt8(1 + sequence % 3)], startLine: 1)
    }
}

@Suite("Pipeline")
struct PipelineOrderTests {
    @Test(arguments: [1, 2, 4])
    func outputKeepsInputOrderUnderParallelism(threads: Int) throws {
        let profile = try ProfileFixture.compile(rules: "  - {id: R, reason: r, weight: 1, when: {direction: import}}")
        let pipeline = ScoringPipeline(
            profile: profile, encoder: JSONLinesEncoder(),
            options: .init(threads: threads, maxMessagesInFlight: 7)
        ) { SlowFakeDecoder() }
        var frames = CountingFrames(total: 300)
        let sink = MemorySink()
        let summary = try pipeline.run(&frames, sink: sink)

        var expected: [String] = []
        for sequence in 0..<300 { for number in 0..<(1 + sequence % 3) { expected.append("F\(sequence)-\(number)") } }
        let lines = String(decoding: sink.bytes.withLock { $0 }, as: UTF8.self).split(separator: "\n")
        let ids = try lines.map { line in
            let object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
            if let error = object["error"] as? [String: Any] { return error["declaration"] as? String ?? "" }
            return object["declaration"] as? String ?? ""
        }
        #expect(ids == expected)
        #expect(summary.messages == 300)
        #expect(summary.errors == 30 - 10, "frames 3, 13, … with two or more declarations have an error")
        #expect(summary.decisions + summary.errors == expected.count)
    }
}
