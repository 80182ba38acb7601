import AsyncHTTPClient
import FastReleaseCore
import FastReleaseTestSupport
import Foundation
import NIOCore
import NIOHTTP1
import Synchronization
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// Tests on a real `fastrelease serve` process: SIGTERM finishes accepted work; after SIGKILL
/// every answered decision is in the log and resending returns it.
@Suite("Shutdown and crash", .serialized, .tags(.process), .long, .timeLimit(.minutes(3)))
struct ShutdownAndCrashTests {
    static func start(_ folder: TemporaryDirectory, log: String = "serve.log") throws -> ServiceProcess {
        try ServiceProcess(
            arguments: [
                "--profile", Fixtures.defaultProfile.path, "--sqlite-path",
                folder.url.appendingPathComponent("decisions.sqlite").path,
            ],
            environment: ["FASTRELEASE_AUTH_TOKENS": TestTokens.all.joined(separator: ",")],
            logFile: folder.url.appendingPathComponent(log))
    }

    @Test func sigtermFinishesTheAcceptedWorkAndExitsCleanly() async throws {
        let folder = try TemporaryDirectory()
        let server = try Self.start(folder)
        let prefix = uniqueID("TERM")
        let stream = try RawHTTPStream(port: server.port, path: "/v1/declarations", headers: LiveStreamTests.headers)
        for number in 0..<20 { try stream.sendChunk(Array(cebMessage(inventory("\(prefix)-\(number)")).utf8)) }
        #expect(await stream.answers(timeout: 30) { $0.count >= 20 }.count == 20)
        server.signal(SIGTERM)
        try await Task.sleep(for: .milliseconds(300))
        for number in 20..<40 { try stream.sendChunk(Array(cebMessage(inventory("\(prefix)-\(number)")).utf8)) }
        try stream.finish()
        let lines = await stream.answers(timeout: 30) { $0.count >= 40 }
        #expect(lines.count == 40, "the request accepted before SIGTERM is answered to the end")
        #expect(server.wait(timeout: 30) == 0, "clean exit")
        #expect(throws: (any Error).self, "no new connections after shutdown") {
            try RawHTTPStream(port: server.port, path: "/healthz", headers: [:])
        }
    }

    @Test func everyAnsweredDecisionSurvivesSIGKILLAndResendingReturnsIt() async throws {
        let folder = try TemporaryDirectory()
        let prefix = uniqueID("KILL")
        let answered = AnsweredDecisions()
        let client = HTTPClient(eventLoopGroupProvider: .singleton)
        do {
            let server = try Self.start(folder)
            let url = "http://127.0.0.1:\(server.port)/v1/declarations"
            try await withThrowingTaskGroup(of: Void.self) { group in
                for sender in 0..<8 {
                    group.addTask {
                        for number in 0..<10_000 {
                            let id = "\(prefix)-\(sender)-\(number)"
                            guard let decision = try? await Self.post(client, url: url, id: id) else { return }
                            answered.add(id, decision)
                        }
                    }
                }
                group.addTask {
                    while answered.count < 300 { try await Task.sleep(for: .milliseconds(20)) }
                    server.signal(SIGKILL)
                }
                try await group.waitForAll()
            }
            #expect(server.wait(timeout: 10) == 128 + SIGKILL)

            let restarted = try Self.start(folder, log: "restart.log")
            let decisions = answered.all
            #expect(decisions.count >= 300)
            let lookup = "http://127.0.0.1:\(restarted.port)/v1/decisions/"
            for (id, payload) in decisions {
                var request = HTTPClientRequest(url: lookup + id)
                request.headers.add(name: "Authorization", value: "Bearer \(TestTokens.viewer)")
                let response = try await client.execute(request, timeout: .seconds(30))
                let stored = String(buffer: try await response.body.collect(upTo: 1 << 20))
                #expect(response.status == .ok, "\(id) was answered, so it must be in the log")
                // The record is the answered payload, with its status and history added.
                #expect(
                    try DecisionPayload.decode(stored) == DecisionPayload.decode(payload),
                    "\(id): the stored decision is the one answered")
                #expect(try json(ByteBuffer(string: stored))["status"] as? String == "current")
            }
            for id in decisions.keys.sorted().prefix(50) {
                let resent = try await Self.post(
                    client, url: "http://127.0.0.1:\(restarted.port)/v1/declarations", id: id, expectReplay: true)
                #expect(
                    try DecisionPayload.decode(resent) == DecisionPayload.decode(decisions[id]!),
                    "resending \(id) returns the same decision")
            }
            restarted.signal(SIGTERM)
            #expect(restarted.wait(timeout: 30) == 0)
        } catch {
            try? await client.shutdown()
            throw error
        }
        try await client.shutdown()
    }

    /// Posts one declaration; returns its decision JSON (with its `replay` flag, checked).
    static func post(_ client: HTTPClient, url: String, id: String, expectReplay: Bool = false) async throws -> String {
        var request = HTTPClientRequest(url: url)
        request.method = .POST
        request.headers.add(name: "Authorization", value: "Bearer \(TestTokens.operator)")
        request.headers.add(name: "Content-Type", value: "application/xml")
        request.headers.add(name: "Accept", value: "application/x-ndjson")
        request.body = .bytes(ByteBuffer(string: cebMessage(inventory(id))))
        let response = try await client.execute(request, timeout: .seconds(30))
        let line = String(buffer: try await response.body.collect(upTo: 1 << 20)).trimmingCharacters(in: .newlines)
        guard response.status == .ok, (try? json(ByteBuffer(string: line)))?["replay"] as? Bool == expectReplay else {
            throw CocoaError(
                .coderReadCorrupt, userInfo: [NSLocalizedDescriptionKey: "unexpected answer for \(id): \(line)"])
        }
        return line
    }
}

/// Decisions a client received an answer for, by declaration id.
final class AnsweredDecisions: Sendable {
    private let storage = Mutex<[String: String]>([:])
    func add(_ id: String, _ decision: String) { storage.withLock { $0[id] = decision } }
    var count: Int { storage.withLock { $0.count } }
    var all: [String: String] { storage.withLock { $0 } }
}
