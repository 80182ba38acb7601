import Configuration
import FastReleaseCore
import FastReleaseFiles
import FastReleaseServer
import FastReleaseStore
import FastReleaseTestSupport
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import InMemoryLogging
import Logging
import NIOCore
import Testing

@Suite("Decisions, health and metrics")
struct LookupAndOperationsTests {
    @Test func aStoredDecisionCanBeReadBack() async throws {
        let harness = try ServiceHarness()
        let (app, _) = try harness.make()
        let id = uniqueID("GET")
        let shared = uniqueID("SHARED")
        try await app.test(.router) { client in
            let gateway = TestTokens.bearer(TestTokens.gateway)
            _ = try await client.checked(
                uri: "/v1/declarations", method: .post, headers: gateway,
                body: body(cebMessage(inventory(id) + inventory(shared))))
            let otherDeclarant = cebMessage(inventory(shared)).replacingOccurrences(
                of: "<ceb:agentCode>1105910159", with: "<ceb:agentCode>9999999999")
            _ = try await client.checked(
                uri: "/v1/declarations", method: .post, headers: gateway, body: body(otherDeclarant))

            let viewer: HTTPFields = [.authorization: "Bearer \(TestTokens.viewer)"]
            let found = try await client.checked(uri: "/v1/decisions/\(id)", method: .get, headers: viewer)
            #expect(found.status == .ok)
            #expect(try json(found.body)["declaration"] as? String == id)
            #expect(
                try await client.checked(uri: "/v1/decisions/NOPE-\(id)", method: .get, headers: viewer).status
                    == .notFound)
            let ambiguous = try await client.checked(uri: "/v1/decisions/\(shared)", method: .get, headers: viewer)
            #expect(ambiguous.status == .conflict)
            #expect(String(buffer: ambiguous.body).contains("9999999999"))
            let chosen = try await client.checked(
                uri: "/v1/decisions/\(shared)?declarant=9999999999", method: .get, headers: viewer)
            #expect(try json(chosen.body)["declarant"] as? String == "9999999999")
        }
    }

    @Test func answersAreJSONWhateverTheProfileIsCalled() async throws {
        let folder = try TemporaryDirectory()
        for (path, text) in try ProfileFolder.read(Fixtures.defaultProfile.path).files {
            try folder.write(
                path,
                path == "profile.yaml"
                    ? text.replacingOccurrences(of: "name: default", with: "name: 'de\"fault\\'") : text)
        }
        let harness = try ServiceHarness(["profile.path": .init(.string(folder.url.path), isSecret: false)])
        let (app, _) = try harness.make()
        try await app.test(.router) { client in
            let ready = try await client.checked(uri: "/readyz", method: .get)
            #expect(ready.status == .ok)
            #expect((try json(ready.body)["profile"] as? String)?.hasPrefix("de\"fault\\@") == true)
        }
    }

    @Test func healthReadinessAndMetrics() async throws {
        let harness = try ServiceHarness()
        let (app, parts) = try harness.make()
        try await app.test(.router) { client in
            #expect(try await client.checked(uri: "/healthz", method: .get).status == .ok)
            let ready = try await client.checked(uri: "/readyz", method: .get)
            #expect(ready.status == .ok)
            #expect(try json(ready.body)["profile"] as? String == parts.profile.current.version)
            let bad = inventory("B").replacingOccurrences(of: "</ceb:gname>", with: "</ceb:x>")
            _ = try await client.checked(
                uri: "/v1/declarations", method: .post, headers: TestTokens.bearer(TestTokens.gateway),
                body: body(cebMessage(inventory(uniqueID("M1")) + bad)))
            let metrics = String(buffer: try await client.checked(uri: "/metrics", method: .get).body)
            for expected in [
                "fastrelease_decisions_total{lane=", "fastrelease_decision_latency_seconds_bucket",
                "fastrelease_errors_total{kind=\"xml.malformed\"} 1",
                "fastrelease_queue_depth", "fastrelease_log_write_seconds_bucket", "# HELP fastrelease_decisions_total",
            ] {
                #expect(metrics.contains(expected), "\(expected)")
            }
            #expect(metrics.contains("fastrelease_decision_latency_seconds_count 1"))
        }
    }

    @Test func metricsCanRequireAToken() async throws {
        let harness = try ServiceHarness(["metrics.public": .init(.bool(false), isSecret: false)])
        let (app, _) = try harness.make()
        try await app.test(.router) { client in
            let anonymous = try await client.checked(uri: "/metrics", method: .get)
            let viewer = try await client.checked(
                uri: "/metrics", method: .get, headers: [.authorization: "Bearer \(TestTokens.viewer)"])
            #expect(anonymous.status == .unauthorized)
            #expect(viewer.status == .ok)
        }
    }
}
