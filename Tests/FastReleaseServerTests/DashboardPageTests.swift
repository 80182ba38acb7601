import FastReleaseTestSupport
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

/// The dashboard page runs no inline script or style: its policy forbids them, and its script
/// and style sheet are files of the same origin (the browser test runs it under that policy).
@Suite("Dashboard page")
struct DashboardPageTests {
    @Test func thePageHasNoInlineScriptOrStyleAndItsPolicyAllowsNone() async throws {
        let harness = try ServiceHarness()
        let (app, _) = try harness.make()
        try await app.test(.router) { client in
            let page = try await client.checked(uri: "/dashboard", method: .get)
            let html = String(buffer: page.body)
            let policy = try #require(page.headers[HTTPField.Name("Content-Security-Policy")!])
            #expect(!policy.contains("unsafe-inline") && !policy.contains("unsafe-eval") && !policy.contains("nonce"))
            #expect(policy.contains("script-src 'self'") && policy.contains("style-src 'self'"))
            #expect(policy.contains("default-src 'none'"))
            // Every script is a file: `<script src=…></script>` with nothing inside.
            let scripts = html.components(separatedBy: "<script").dropFirst()
            #expect(!scripts.isEmpty)
            for script in scripts {
                let tag = script.prefix { $0 != ">" }
                #expect(tag.contains("src=\"/"), "an inline script: <script\(tag)>")
                #expect(script.dropFirst(tag.count + 1).hasPrefix("</script>"), "a script with a body")
            }
            #expect(!html.contains("<style"))
            #expect(
                html.range(of: #"\s(on[a-z]+|style)\s*="#, options: .regularExpression) == nil,
                "inline handlers or styles")
            #expect(html.range(of: "javascript:", options: .caseInsensitive) == nil)

            for (file, type) in [("/dashboard.js", "text/javascript"), ("/dashboard.css", "text/css")] {
                let answer = try await client.checked(uri: file, method: .get)
                #expect(answer.status == .ok)
                #expect(answer.headers[.contentType]?.hasPrefix(type) == true)
                #expect(answer.headers[HTTPField.Name("X-Content-Type-Options")!] == "nosniff")
                #expect(answer.body.readableBytes > 100)
            }
        }
    }
}
