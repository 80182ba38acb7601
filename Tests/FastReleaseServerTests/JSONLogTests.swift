import AsyncHTTPClient
import FastReleaseTestSupport
import Foundation
import NIOCore
import NIOHTTP1
import Testing

/// `log.format: json`: one JSON object per line, the same messages and keys, no secret.
@Suite("JSON logs", .tags(.process), .long, .timeLimit(.minutes(3)))
struct JSONLogTests {
    @Test func everyLineIsOneJSONObjectWithTheSameMessagesAndKeysAndNoToken() async throws {
        let folder = try TemporaryDirectory()
        let token = "gateway-token-json-logs-01"
        let server = try ServiceProcess(
            arguments: [
                "--log-format", "json", "--sqlite-path", folder.url.appendingPathComponent("log.sqlite").path,
            ],
            environment: [
                "FASTRELEASE_AUTH_TOKENS": "gateway:json-gateway:\(token)", "FASTRELEASE_LOG_LEVEL": "debug",
            ],
            logFile: folder.url.appendingPathComponent("serve.log"))
        let client = HTTPClient(eventLoopGroupProvider: .singleton)
        var request = HTTPClientRequest(url: "http://127.0.0.1:\(server.port)/v1/declarations")
        request.method = .POST
        request.headers.add(name: "Authorization", value: "Bearer \(token)")
        request.headers.add(name: "Content-Type", value: "application/xml")
        request.body = .bytes(try Fixtures.officialCEB("CEB621Message.xml"))
        let status = try await client.execute(request, timeout: .seconds(20)).status
        try await client.shutdown()
        #expect(status == .ok)
        server.signal(SIGTERM)
        #expect(server.wait() == 0)
        let text = try String(contentsOf: server.logFile, encoding: .utf8)
        #expect(!text.contains(token), "no token in the logs")
        let lines = try text.split(separator: "\n").map { line in
            try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any], "\(line)")
        }
        #expect(lines.count >= 3)
        #expect(lines.allSatisfy { $0["time"] is String && $0["level"] is String && $0["message"] is String })
        let listening = try #require(lines.first { $0["message"] as? String == "listening" })
        #expect(listening["http.port"] as? String == "\(server.port)")
        #expect(listening["level"] as? String == "notice")
        let decided = try #require(lines.first { $0["message"] as? String == "declaration decided" })
        #expect(decided["declaration.id"] as? String == "NBBH20160308005")
        #expect(decided["auth.caller"] as? String == "json-gateway", "the holder is named, never the token")
    }
}
