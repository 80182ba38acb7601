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
    /// A pipeline of `threads` workers with slow fake decoders, `window` messages in flight at most.
    static func pipeline(threads: Int, window: Int) throws -> ScoringPipeline {
        let profile = try ProfileFixture.compile(rules: "  - {id: R, reason: r, weight: 1, when: {direction: import}}")
        return ScoringPipeline(
            profile: profile, encoder: JSONLinesEncoder(), options: .init(threads: threads, maxMessagesInFlight: window)
        ) { SlowFakeDecoder() }
    }

    @Test(arguments: [1, 2, 4])
    func outputKeepsInputOrderUnderParallelism(threads: Int) throws {
        let pipeline = try Self.pipeline(threads: threads, window: 7)
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

    struct SinkBroke: Error {}

    /// What a run on another thread ended with: its error and how many messages it read.
    final class RunOutcome: Sendable {
        let value = Mutex<(error: (any Error)?, messagesRead: Int)?>(nil)
    }

    /// A sink that fails on its `failingWrite`-th write (the header is the first).
    final class FailingSink: ByteSink {
        let failingWrite: Int
        let writes = Mutex(0)
        init(failingWrite: Int) { self.failingWrite = failingWrite }
        func write(_ bytes: [UInt8]) throws {
            let count = writes.withLock { count in
                count += 1
                return count
            }
            if count >= failingWrite { throw SinkBroke() }
        }
    }

    /// The run is made on a thread of its own and waited for with a deadline, so that a
    /// pipeline that never ends fails this test instead of hanging the test run.
    @Test(arguments: [1, 2, 4])
    func aFailingSinkStopsReadingAndEndsTheRunWithItsError(threads: Int) throws {
        let pipeline = try Self.pipeline(threads: threads, window: 4)
        let sink = FailingSink(failingWrite: 6)
        let outcome = RunOutcome()
        let ended = DispatchSemaphore(value: 0)
        Thread.detachNewThread {
            var frames = CountingFrames(total: 10_000)
            var error: (any Error)? = nil
            do { _ = try pipeline.run(&frames, sink: sink) } catch let failure { error = failure }
            let read = frames.sequence
            outcome.value.withLock { $0 = (error, read) }
            ended.signal()
        }
        guard ended.wait(timeout: .now() + 60) == .success, let (error, messagesRead) = outcome.value.withLock({ $0 })
        else {
            Issue.record("the run did not end within 60 s after its output failed")
            return
        }
        #expect(error is SinkBroke)
        #expect(sink.writes.withLock { $0 } == 6, "nothing is written after the failure")
        #expect(messagesRead < 20, "the reader stops within the window; it read \(messagesRead) of 10,000 messages")
    }
}
