import AsyncHTTPClient
import FastReleaseTestSupport
import Foundation
import NIOCore
import NIOHTTP1
import Testing

#if canImport(Glibc)
    import Glibc
#endif

@Suite("Settings from file, environment and flags", .serialized, .tags(.process), .long, .timeLimit(.minutes(3)))
struct SettingsSourcesTests {
    @Test func aYAMLFileEnvironmentAndFlagsAreReadInThatPrecedence() async throws {
        let folder = try TemporaryDirectory()
        let fromFile = folder.url.appendingPathComponent("from-file.sqlite").path
        let fromEnvironment = folder.url.appendingPathComponent("from-environment.sqlite").path
        let config = try folder.write(
            "fastrelease.yaml",
            """
            http: {port: 1}
            profile: {path: /nonexistent}
            store:
              sqlite: {path: \(fromFile)}
            auth:
              tokens: ["gateway:from-file:file-token-000000000001"]
            """)
        let server = try ServiceProcess(
            arguments: ["--config", config.path, "--profile", Fixtures.defaultProfile.path],
            environment: ["FASTRELEASE_STORE_SQLITE_PATH": fromEnvironment],
            logFile: folder.url.appendingPathComponent("serve.log"))
        #expect(server.port != 1, "the --port 0 flag beats the file")
        #expect(FileManager.default.fileExists(atPath: fromEnvironment), "the environment beats the file")
        #expect(!FileManager.default.fileExists(atPath: fromFile))
        let client = HTTPClient(eventLoopGroupProvider: .singleton)
        var request = HTTPClientRequest(url: "http://127.0.0.1:\(server.port)/v1/decisions/none")
        request.headers.add(name: "Authorization", value: "Bearer file-token-000000000001")
        let status = try await client.execute(request, timeout: .seconds(10)).status
        try await client.shutdown()
        #expect(status == .notFound, "the token from the file is accepted")
        server.signal(SIGTERM)
        #expect(server.wait() == 0)
    }

    @Test func aBadSettingStopsTheStartWithItsKey() throws {
        let result = try ProcessRunner.run(
            ["serve", "--port", "0", "--auth-open"], environment: ["FASTRELEASE_STORE_KIND": "mongodb"])
        #expect(result.status != 0)
        #expect(result.errorText.contains("store.kind must be sqlite or postgres, found `mongodb`"))
        let noTokens = try ProcessRunner.run(["serve", "--port", "0"])
        #expect(noTokens.status != 0)
        #expect(noTokens.errorText.contains("no access tokens"))
    }
}
