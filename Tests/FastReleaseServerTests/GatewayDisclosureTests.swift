import FastReleaseCore
import FastReleaseServer
import FastReleaseTestSupport
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NIOCore
import Testing

/// Gateways are traders' systems: whatever form an answer takes, they learn the lane, what to do
/// and a reference, never a rule id, a reason written for officers, a weight, a score or the draw.
@Suite("What a gateway may learn")
struct GatewayDisclosureTests {
    /// Every rule id and reason of the default profile: none may reach a gateway.
    static func targeting() throws -> [String] {
        let rules = try ProfileFixture.compiledDefault().source.rules
        return rules.map(\.id) + rules.map(\.reason)
    }

    /// A juicer without a CCC document: an alert, a document rule (with a trader notice) and
    /// the enterprise's class fire.
    static func juicers(_ id: String) -> String {
        cebMessage(inventory(id, hs: "8509400000"))
    }

    static func leaks(_ text: String, _ targeting: [String]) -> [String] {
        var found = targeting.filter { text.contains($0) }
        for member in [
            "\"hits\"", "\"weight\"", "\"score\"", "\"sampling\"", "\"draw\"", "\"lane_source\"", "<Hit",
            "\"examiner\"", "\"top_up\"", "NB-EX-", "QD-EX-",
        ]
        where text.contains(member) {
            found.append(member)
        }
        return found
    }

    @Test func noAnswerFormTellsAGatewayTheTargeting() async throws {
        let harness = try ServiceHarness()
        let (app, _) = try harness.make()
        let targeting = try Self.targeting()
        let id = uniqueID("DISCLOSE")
        let gateway = TestTokens.gateway
        try await app.test(.router) { client in
            func send(_ text: String, accept: String, token: String = gateway) async throws -> String {
                let response = try await client.checked(
                    uri: "/v1/declarations", method: .post,
                    headers: [.authorization: "Bearer \(token)", .contentType: "application/xml", .accept: accept],
                    body: body(text))
                #expect(response.status == .ok, "\(String(buffer: response.body))")
                return String(buffer: response.body)
            }
            // The full explanation goes to operators: the rules are there, so the check can fail.
            let full = try await send(
                Self.juicers(uniqueID("FULL")), accept: "application/json", token: TestTokens.operator)
            #expect(full.contains("ALERT-JUICERS") && full.contains("DOC-CCC"), "\(full)")

            var answers: [(String, String)] = []
            let document = try await send(Self.juicers(id), accept: "application/json")
            answers.append(("JSON document", document))
            answers.append(("JSON document, resent", try await send(Self.juicers(id), accept: "application/json")))
            answers.append(("stream", try await send(Self.juicers(uniqueID("STREAM")), accept: "application/x-ndjson")))
            answers.append(
                ("CEB622 receipt", try await send(Self.juicers(uniqueID("RECEIPT")), accept: "application/xml")))
            let wco = String(decoding: try Fixtures.officialWCODeclaration("TT_IM001d.xml"), as: UTF8.self)
                .replacingOccurrences(of: "TT_IM01d_v1.6_230322_1", with: uniqueID("WCO"))
            answers.append(("DMS notifications", try await send(wco, accept: "application/xml")))
            for accept in ["application/json", "application/xml"] {
                let lookup = try await client.checked(
                    uri: "/v1/decisions/\(id)", method: .get,
                    headers: [.authorization: "Bearer \(gateway)", .accept: accept])
                #expect(lookup.status == .ok)
                answers.append(("GET /v1/decisions \(accept)", String(buffer: lookup.body)))
            }
            for (form, text) in answers {
                #expect(
                    Self.leaks(text, targeting).isEmpty,
                    "\(form) tells a gateway \(Self.leaks(text, targeting)):\n\(text)")
            }

            // What the gateway is told: the lane, what to do (the rule's trader notice), a reference.
            let answer = try #require((try json(ByteBuffer(string: document))["decisions"] as? [[String: Any]])?.first)
            #expect(answer["lane"] as? String == "inspect-release")
            #expect(answer["reference"] as? String == "1105910159/\(id)")
            let actions = answer["actions"] as? [String] ?? []
            #expect(actions.first == TraderAnswer.instruction(for: .decided(.inspectRelease)))
            #expect(actions.contains("Present the CCC certificate, its exemption or the licence number of the goods"))
            #expect(
                Set(answer.keys) == [
                    "replay", "declaration", "declarant", "message", "function", "lane", "reference", "actions",
                ])

            // A viewer reads the same decision in full.
            let viewer = try await client.checked(
                uri: "/v1/decisions/\(id)", method: .get, headers: [.authorization: "Bearer \(TestTokens.viewer)"])
            let explained = String(buffer: viewer.body)
            #expect(explained.contains("ALERT-JUICERS"))
            #expect(explained.contains("\"examiner\":\"NB-EX-"), "viewers see the examiner drawn: \(explained)")
        }
    }

    @Test func aGatewayReadsNeitherTheProfileNorTheStateNorTheDashboard() async throws {
        let harness = try ServiceHarness()
        let (app, _) = try harness.make()
        try await app.test(.router) { client in
            for uri in ["/v1/profile", "/v1/profile/shadow", "/v1/dashboard/data", "/v1/state", "/v1/state/changes"] {
                let response = try await client.checked(
                    uri: uri, method: .get, headers: [.authorization: "Bearer \(TestTokens.gateway)"])
                #expect(response.status == .forbidden, "\(uri) answered a gateway \(response.status)")
            }
            let inspection = try await client.checked(
                uri: "/v1/inspections", method: .post,
                headers: [.authorization: "Bearer \(TestTokens.gateway)", .contentType: "application/json"],
                body: body("{\"declaration\":\"X\",\"conforming\":true}"))
            #expect(inspection.status == .forbidden, "a trader's system may not record its own inspection")
        }
    }
}
