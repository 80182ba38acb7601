import AsyncHTTPClient
import FastReleaseTestSupport
import Foundation
import NIOCore
import NIOHTTP1
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// The dashboard, loaded in a real headless browser (Chromium from Debian's packages; the
/// README's test command installs it), shows the service's figures.
@Suite("Dashboard in a headless browser", .serialized, .tags(.browser), .needsChromium, .long, .timeLimit(.minutes(3)))
struct DashboardBrowserTests {
    static let tokens =
        "gateway:gw:dash-gateway-token-000001,operator:alice:dash-operator-token-00001,viewer:v:dash-viewer-token-0000001"

    static func chromium() throws -> String {
        guard let path = Chromium.path else {
            throw OracleError(
                "Chromium is not installed: run the tests with scripts/test.sh, which installs it (apt-get install chromium)"
            )
        }
        return path
    }

    static func send(
        _ client: HTTPClient, _ url: String, token: String, type: String, body: [UInt8], method: HTTPMethod = .POST
    )
        async throws -> Int
    {
        var request = HTTPClientRequest(url: url)
        request.method = method
        request.headers.add(name: "Authorization", value: "Bearer \(token)")
        request.headers.add(name: "Content-Type", value: type)
        request.body = .bytes(ByteBuffer(bytes: body))
        let response = try await client.execute(request, timeout: .seconds(30))
        _ = try await response.body.collect(upTo: 1 << 22)
        return Int(response.status.code)
    }

    /// The page's DOM after its script ran, in a browser whose language is `language`.
    static func dump(_ url: String, language: String = "en-US") throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: try chromium())
        process.arguments = [
            "--headless", "--no-sandbox", "--disable-gpu", "--virtual-time-budget=10000", "--lang=\(language)",
            "--accept-lang=\(language)", "--dump-dom", url,
        ]
        var environment = ProcessInfo.processInfo.environment
        environment["LANGUAGE"] = language.replacingOccurrences(of: "-", with: "_")
        process.environment = environment
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle(forWritingAtPath: "/dev/null")
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self)
    }

    @Test func thePageShowsLanesLatencyRulesHistoryAndShadow() async throws {
        let folder = try TemporaryDirectory()
        let server = try ServiceProcess(
            arguments: [
                "--profile", Fixtures.defaultProfile.path, "--sqlite-path",
                folder.url.appendingPathComponent("log.sqlite").path,
            ],
            environment: ["FASTRELEASE_AUTH_TOKENS": Self.tokens],
            logFile: folder.url.appendingPathComponent("serve.log"))
        defer {
            server.signal(SIGTERM)
            _ = server.wait(timeout: 20)
        }
        let base = "http://127.0.0.1:\(server.port)"
        let client = HTTPClient(eventLoopGroupProvider: .singleton)
        do {
            // A shadow candidate that inspects juicers by sampling instead.
            var files: [String: String] = [:]
            for name in ["profile.yaml", "enterprises.csv"]
                + ["alerts", "data-quality", "destinations", "documents", "enterprises", "sensitive-goods"].map({
                    "rules/\($0).yaml"
                })
            {
                files[name] = try String(
                    contentsOf: Fixtures.defaultProfile.appendingPathComponent(name), encoding: .utf8)
            }
            files["rules/alerts.yaml"] = files["rules/alerts.yaml"]!.replacingOccurrences(
                of: "    lane: inspect-release\n    valid: {from: 2026-10-01",
                with: "    lane: sample-release\n    valid: {from: 2026-10-01")
            let shadow = try JSONSerialization.data(withJSONObject: ["files": files])
            #expect(
                try await Self.send(
                    client, "\(base)/v1/profile/shadow", token: "dash-operator-token-00001", type: "application/json",
                    body: Array(shadow), method: .PUT) == 200)
            let inventories =
                (0..<4).map { inventory("DASH-J\($0)", hs: "8509400000") }.joined()
                + (0..<8).map { inventory("DASH-L\($0)") }.joined()
            #expect(
                try await Self.send(
                    client, "\(base)/v1/declarations", token: "dash-gateway-token-000001", type: "application/xml",
                    body: Array(cebMessage(inventories).utf8)) == 200)
            let inspection =
                #"{"inspection_id":"DASH-I1","declaration":"DASH-J0","conforming":false,"findings":["motor overheats"]}"#
            #expect(
                try await Self.send(
                    client, "\(base)/v1/inspections", token: "dash-operator-token-00001", type: "application/json",
                    body: Array(inspection.utf8)) == 201)
            try await Task.sleep(for: .milliseconds(300))  // shadow decisions are written in the background
        } catch {
            try await client.shutdown()
            throw error
        }
        try await client.shutdown()

        let page = try Self.dump("\(base)/dashboard#token=dash-viewer-token-0000001")
        #expect(page.contains("data-ready=\"true\""), "the script ran and drew the figures:\n\(page.prefix(3000))")
        #expect(page.contains("<svg id=\"lane-mix-chart\""))
        #expect(
            page.contains(
                "decisions: 12 (release 8, document 0, sample-release 0, inspect-release 4, hold 0, withdrawn 0)"))
        #expect(page.contains("<span id=\"latency-count\">1</span>"))
        #expect(page.contains("<td>ALERT-JUICERS</td><td>4</td><td>1</td><td>100.0%</td>"), "\(page)")
        #expect(page.contains("<td>startup</td><td>in force at start (27 rules)</td>"))
        #expect(page.contains("12 compared, 4 differ"))
        #expect(page.contains("<td>inspect-release → sample-release</td><td>4</td>"))

        let refused = try Self.dump("\(base)/dashboard#token=wrong-token")
        #expect(refused.contains("cannot load the figures: HTTP 401"))

        // A browser whose language is Chinese gets the page in Chinese, lanes included.
        let chinese = try Self.dump("\(base)/dashboard#token=dash-viewer-token-0000001", language: "zh-CN")
        #expect(chinese.contains("<html lang=\"zh\">"), "\(chinese.prefix(2000))")
        #expect(chinese.contains("近 24 小时命中最多的规则"))
        #expect(chinese.contains("申报单：12（放行 8，单证审核 0，抽样放行 0，查验放行 4，扣留 0，已撤销 0）"))
        #expect(chinese.contains("12 已比对，4 不同"))
        #expect(chinese.contains("<td>查验放行 → 抽样放行</td><td>4</td>"))
        #expect(chinese.contains("<td>ALERT-JUICERS</td><td>4</td><td>1</td><td>100.0%</td>"))
    }
}
