import FastReleaseLoad
import FastReleaseStore
import FastReleaseTestSupport
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

@Suite("Open-loop load generator")
struct LoadGeneratorTests {
    @Test func itSendsAtTheRateMeasuresEveryAnswerAndWritesItsReport() async throws {
        let harness = try ServiceHarness()
        let (app, _) = try harness.make()
        let folder = try TemporaryDirectory()
        let report = try await app.test(.live) { client in
            let generator = LoadGenerator(
                url: "http://127.0.0.1:\(try #require(client.port))", rate: 40, duration: 1, declarationsPerMessage: 3,
                token: TestTokens.gateway, connections: 4)
            return try await generator.run()
        }
        #expect(report.sent == 40)
        #expect(report.succeeded == 40)
        #expect(report.errors.isEmpty)
        #expect((report.latencyMilliseconds["p50"] ?? 0) > 0)
        #expect((report.latencyMilliseconds["p50"] ?? 0) <= (report.latencyMilliseconds["p99.9"] ?? 0))
        #expect(try await harness.log.count() == 120, "every declaration is new: 40 messages of 3")
        try LoadGenerator.write(report, to: folder.url)
        let svg = try String(contentsOf: folder.url.appendingPathComponent("latency.svg"), encoding: .utf8)
        #expect(svg.hasPrefix("<svg") && svg.contains("<polyline"))
        let json =
            try JSONSerialization.jsonObject(with: Data(contentsOf: folder.url.appendingPathComponent("report.json")))
            as? [String: Any]
        #expect(json?["succeeded"] as? Int == 40)
    }

    @Test func refusedRequestsAreCountedAsErrors() async throws {
        let harness = try ServiceHarness()
        let (app, _) = try harness.make()
        let report = try await app.test(.live) { client in
            try await LoadGenerator(
                url: "http://127.0.0.1:\(try #require(client.port))", rate: 10, duration: 1, declarationsPerMessage: 1,
                token: "not-a-token-of-this-service", connections: 2
            ).run()
        }
        #expect(report.succeeded == 0)
        #expect(report.errors["status 401"] == 10)
    }
}
