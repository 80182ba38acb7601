import AsyncHTTPClient
import Configuration
import FastReleaseCore
import FastReleaseFiles
import FastReleaseServer
import FastReleaseStore
import FastReleaseTestSupport
import FastReleaseXML
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NIOCore
import NIOHTTP1
import Synchronization
import Testing

/// A request is taken whole or refused with 503, under any concurrency (issue 14, overload).
@Suite("Admission")
struct AdmissionTests {
    /// The deepest the queue has been.
    final class DeepestQueue: Sendable {
        let deepest = Mutex(0)
        func saw(_ depth: Int) { deepest.withLock { $0 = max($0, depth) } }
    }

    /// A message of `count` declarations, heavy enough that requests overlap.
    static func heavyMessage(_ prefix: String, count: Int = 50) -> String {
        cebMessage((0..<count).map { inventory("\(prefix)-\($0)") }.joined())
    }

    static func engine(workers: Int, queueDepth: Int, watching queue: DeepestQueue) throws -> DecisionEngine {
        let (profile, _) = try ProfileFolder.load(Fixtures.defaultProfile.path)
        return DecisionEngine(
            profile: LiveProfile(CompiledProfile(profile)), workers: workers, queueDepth: queueDepth,
            limits: XMLLimits(), onQueueChange: queue.saw)
    }

    static let receivedAt = CivilTime(year: 2026, month: 11, day: 16, hour: 9)!

    @Test func admissionsReserveRoomWholeAndGiveBackWhatTheyDoNotTake() async throws {
        let engine = try Self.engine(workers: 1, queueDepth: 3, watching: DeepestQueue())
        // One idle worker and three places: two requests of two messages fit, a third does not.
        let first = try #require(engine.admit(2))
        let second = try #require(engine.admit(2))
        #expect(engine.admit(1) == nil)
        let frame = MessageFrame(
            source: "admission", sequence: 0, bytes: Array(Self.heavyMessage(uniqueID("A"), count: 2).utf8),
            startLine: 1)
        for _ in 0..<2 {
            #expect(try await engine.submit(frame, receivedAt: Self.receivedAt, admission: first).count == 2)
        }
        // `first` took its places and they are free again once its messages are decided.
        #expect(engine.admit(2) != nil)
        _ = second  // held, never used: its room stays reserved while it lives
        #expect(engine.admit(3) == nil)
        _ = consume second
        #expect(engine.admit(4) != nil, "an admission that goes away gives back its room")
    }

    @Test func concurrentRequestsNeverOverfillTheQueue() async throws {
        let queue = DeepestQueue()
        let depth = 3
        let engine = try Self.engine(workers: 1, queueDepth: depth, watching: queue)
        let frames = (0..<2).map {
            MessageFrame(
                source: "flood", sequence: $0, bytes: Array(Self.heavyMessage(uniqueID("FLOOD")).utf8), startLine: 1)
        }
        let outcomes = await withTaskGroup(of: Bool.self) { group in
            for _ in 0..<64 {
                group.addTask {
                    guard let admission = engine.admit(frames.count) else { return false }
                    for frame in frames {
                        let records = try? await engine.submit(frame, receivedAt: Self.receivedAt, admission: admission)
                        #expect(records?.count == 50, "an admitted message is decided")
                    }
                    return true
                }
            }
            var outcomes: [Bool] = []
            for await admitted in group { outcomes.append(admitted) }
            return outcomes
        }
        #expect(outcomes.contains(true))
        #expect(queue.deepest.withLock { $0 } <= depth, "the queue never holds more than engine.queueDepth")
    }

    /// Concurrent requests over their own connections, past what the queue takes: each is
    /// decided whole or refused with 503 and `Retry-After`, and `/metrics` counts the refusals.
    @Test func refusalsAre503WithRetryAfterAndCountedInTheMetrics() async throws {
        let harness = try ServiceHarness([
            "engine.workers": .init(.int(1), isSecret: false), "engine.queueDepth": .init(.int(2), isSecret: false),
        ])
        let (app, _) = try harness.make()
        try await app.test(.live) { client in
            let url = "http://127.0.0.1:\(try #require(client.port))"
            let http = HTTPClient(eventLoopGroupProvider: .singleton)
            defer { _ = http.shutdown() }
            let answers = try await withThrowingTaskGroup(of: (Int, String?).self) { group in
                for _ in 0..<32 {
                    group.addTask {
                        var request = HTTPClientRequest(url: "\(url)/v1/declarations")
                        request.method = .POST
                        request.headers.add(name: "Authorization", value: "Bearer \(TestTokens.gateway)")
                        request.headers.add(name: "Content-Type", value: "application/xml")
                        request.body = .bytes(
                            ByteBuffer(string: Self.heavyMessage(uniqueID("R")) + Self.heavyMessage(uniqueID("S"))))
                        let response = try await http.execute(request, timeout: .seconds(60))
                        _ = try await response.body.collect(upTo: 1 << 24)
                        return (Int(response.status.code), response.headers.first(name: "Retry-After"))
                    }
                }
                var answers: [(Int, String?)] = []
                for try await answer in group { answers.append(answer) }
                return answers
            }
            let decided = answers.filter { $0.0 == 200 }.count
            let refused = answers.filter { $0.0 == 503 }
            #expect(decided + refused.count == answers.count, "every request is decided or refused: \(answers)")
            #expect(decided > 0 && !refused.isEmpty, "the requests went past the queue: \(decided) decided")
            #expect(refused.allSatisfy { $0.1 == "1" }, "a refusal says when to send again")
            let metrics = String(buffer: try await client.checked(uri: "/metrics", method: .get).body)
            let counted = metrics.split(separator: "\n").first {
                $0.hasPrefix(#"fastrelease_errors_total{kind="overloaded"}"#)
            }
            #expect(Int(counted?.split(separator: " ").last ?? "0") ?? -1 == refused.count)
            #expect(try await harness.log.count() == decided * 100, "an admitted request is decided whole")
        }
    }
}
