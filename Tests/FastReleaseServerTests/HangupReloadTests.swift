import AsyncHTTPClient
import FastReleaseTestSupport
import Foundation
import NIOCore
import NIOHTTP1
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// SIGHUP reloads the profile folder of a running service; a broken folder is refused.
@Suite("SIGHUP reloads the profile", .serialized, .tags(.process), .long, .timeLimit(.minutes(3)))
struct HangupReloadTests {
    static let viewer = "viewer:auditor:hangup-viewer-token-0001"

    static func currentProfile(_ client: HTTPClient, port: Int) async throws -> [String: Any] {
        var request = HTTPClientRequest(url: "http://127.0.0.1:\(port)/v1/profile")
        request.headers.add(name: "Authorization", value: "Bearer hangup-viewer-token-0001")
        let response = try await client.execute(request, timeout: .seconds(10))
        let body = try await response.body.collect(upTo: 1 << 20)
        return try JSONSerialization.jsonObject(with: Data(body.readableBytesView)) as? [String: Any] ?? [:]
    }

    /// Polls until the version in force is not `version`, for up to ten seconds.
    static func waitForChange(from version: String, _ client: HTTPClient, port: Int) async throws -> [String: Any] {
        for _ in 0..<100 {
            let profile = try await currentProfile(client, port: port)
            if profile["version"] as? String != version { return profile }
            try await Task.sleep(for: .milliseconds(100))
        }
        return try await currentProfile(client, port: port)
    }

    @Test func aHangupPutsTheEditedFolderInForceAndRefusesABrokenOne() async throws {
        try await Self.withServer(approvals: "0", Self.reloads)
    }

    @Test func withApprovalsAHangupProposesTheFolderInstead() async throws {
        try await Self.withServer(approvals: nil, Self.proposes)
    }

    /// Runs `body` with a `serve` process on a copy of the default profile (`profile.approvals`
    /// as given, else the default) and an HTTP client.
    static func withServer(
        approvals: String?, _ body: (ServiceProcess, URL, HTTPClient) async throws -> Void
    ) async throws {
        let folder = try TemporaryDirectory()
        let profile = folder.url.appendingPathComponent("profile")
        try Fixtures.copyDefaultProfile(to: profile)
        var environment = ["FASTRELEASE_AUTH_TOKENS": Self.viewer]
        environment["FASTRELEASE_PROFILE_APPROVALS"] = approvals
        let server = try ServiceProcess(
            arguments: [
                "--profile", profile.path, "--sqlite-path", folder.url.appendingPathComponent("log.sqlite").path,
            ],
            environment: environment, logFile: folder.url.appendingPathComponent("serve.log"))
        defer {
            server.signal(SIGTERM)
            _ = server.wait(timeout: 20)
        }
        let client = HTTPClient(eventLoopGroupProvider: .singleton)
        do {
            try await body(server, profile, client)
        } catch {
            try await client.shutdown()
            throw error
        }
        try await client.shutdown()
    }

    static func proposes(_ server: ServiceProcess, _ profile: URL, _ client: HTTPClient) async throws {
        let original = try #require(try await currentProfile(client, port: server.port)["version"] as? String)
        let alerts = profile.appendingPathComponent("rules/alerts.yaml")
        try (try String(contentsOf: alerts, encoding: .utf8)).replacingOccurrences(of: "weight: 30", with: "weight: 33")
            .write(to: alerts, atomically: true, encoding: .utf8)
        server.signal(SIGHUP)
        var proposals: [[String: Any]] = []
        for _ in 0..<100 where proposals.isEmpty {
            try await Task.sleep(for: .milliseconds(100))
            var request = HTTPClientRequest(url: "http://127.0.0.1:\(server.port)/v1/profile/proposals")
            request.headers.add(name: "Authorization", value: "Bearer hangup-viewer-token-0001")
            let body = try await client.execute(request, timeout: .seconds(10)).body.collect(upTo: 1 << 20)
            proposals =
                (try JSONSerialization.jsonObject(with: Data(body.readableBytesView)) as? [String: Any])?["proposals"]
                as? [[String: Any]] ?? []
        }
        #expect(proposals.first?["proposed_by"] as? String == "SIGHUP")
        #expect(proposals.first?["status"] as? String == "pending")
        #expect(try await currentProfile(client, port: server.port)["version"] as? String == original)
    }

    static func reloads(_ server: ServiceProcess, _ profile: URL, _ client: HTTPClient) async throws {

        let before = try await currentProfile(client, port: server.port)
        let original = try #require(before["version"] as? String)

        let alerts = profile.appendingPathComponent("rules/alerts.yaml")
        let text = try String(contentsOf: alerts, encoding: .utf8)
        try text.replacingOccurrences(of: "weight: 30", with: "weight: 33").write(
            to: alerts, atomically: true, encoding: .utf8)
        server.signal(SIGHUP)
        let after = try await waitForChange(from: original, client, port: server.port)
        let reloaded = try #require(after["version"] as? String)
        #expect(reloaded != original)
        let newest = (after["history"] as? [[String: Any]])?.first
        #expect(newest?["changed_by"] as? String == "SIGHUP")
        #expect(newest?["summary"] as? String == "changed ALERT-JUICERS")

        // A broken folder is refused and logged; the version in force keeps serving.
        let main = profile.appendingPathComponent("profile.yaml")
        try (try String(contentsOf: main, encoding: .utf8)).replacingOccurrences(of: "format: 1", with: "format: one")
            .write(to: main, atomically: true, encoding: .utf8)
        server.signal(SIGHUP)
        var logged = ""
        for _ in 0..<100 where !logged.contains("the profile on disk has errors") {
            try await Task.sleep(for: .milliseconds(100))
            logged = (try? String(contentsOf: server.logFile, encoding: .utf8)) ?? ""
        }
        #expect(logged.contains("SIGHUP: the profile on disk has errors"), "\(logged)")
        #expect(try await currentProfile(client, port: server.port)["version"] as? String == reloaded)
    }
}
