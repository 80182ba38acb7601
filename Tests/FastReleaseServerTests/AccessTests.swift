import Configuration
import FastReleaseCore
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

@Suite("Who may do what")
struct AccessTests {
    @Test func missingAndUnknownTokensAre401AndTheWrongRoleIs403() async throws {
        let harness = try ServiceHarness()
        let (app, _) = try harness.make()
        let message = body(cebMessage(inventory(uniqueID("AUTH"))))
        try await app.test(.router) { client in
            let none = try await client.checked(
                uri: "/v1/declarations", method: .post, headers: [.contentType: "application/xml"], body: message)
            #expect(none.status == .unauthorized)
            #expect(none.headers[.wwwAuthenticate]?.hasPrefix("Bearer") == true)
            let unknown = try await client.checked(
                uri: "/v1/declarations", method: .post, headers: TestTokens.bearer("not-a-real-token-at-all"),
                body: message)
            #expect(unknown.status == .unauthorized)
            let viewer = try await client.checked(
                uri: "/v1/declarations", method: .post, headers: TestTokens.bearer(TestTokens.viewer), body: message)
            #expect(viewer.status == .forbidden)
            #expect(String(buffer: viewer.body).contains("needs the gateway role"))
            let operatorPost = try await client.checked(
                uri: "/v1/declarations", method: .post, headers: TestTokens.bearer(TestTokens.operator), body: message)
            #expect(operatorPost.status == .ok, "operators may do what gateways may")
            #expect(try await client.checked(uri: "/v1/decisions/x", method: .get).status == .unauthorized)
        }
        #expect(try await harness.log.count() == 1)
    }

    @Test func tokensNeverAppearInLogs() async throws {
        let harness = try ServiceHarness(["log.level": .init(.string("trace"), isSecret: false)])
        let (app, _) = try harness.make()
        try await app.test(.router) { client in
            _ = try await client.checked(
                uri: "/v1/declarations", method: .post, headers: TestTokens.bearer(TestTokens.gateway),
                body: body(cebMessage(inventory(uniqueID("LOG")))))
            _ = try await client.checked(
                uri: "/v1/declarations", method: .post, headers: TestTokens.bearer("wrong-token-1234567890"),
                body: body("<x/>"))
        }
        let entries = harness.logs.entries
        #expect(!entries.isEmpty)
        let text = entries.map { "\($0.message) \($0.metadata)" }.joined(separator: "\n")
        #expect(!text.contains(TestTokens.gateway))
        #expect(!text.contains("wrong-token-1234567890"))
        #expect(text.contains("ningbo-gateway"), "logs name the token's holder instead")
        #expect(entries.contains { $0.metadata["declaration.id"] != nil }, "decisions are logged by declaration id")
    }

    @Test func badTokenSettingsAreRefusedWithTheRule() throws {
        #expect(throws: SettingsError.self) {
            try ServiceHarness(["auth.tokens": .init(.stringArray(["admin:bob:short"]), isSecret: true)])
        }
    }
}
