import FastReleaseCore
import FastReleaseServer
import FastReleaseStore
import FastReleaseTestSupport
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NIOCore
import Testing

/// Inspection results come back and are stored beside the decisions they judge.
@Suite("Inspection results")
struct InspectionTests {
    static func post(_ client: some TestClientProtocol, _ text: String, token: String = TestTokens.inspector)
        async throws -> (HTTPResponse.Status, [String: Any])
    {
        let response = try await client.checked(
            uri: "/v1/inspections", method: .post,
            headers: [.authorization: "Bearer \(token)", .contentType: "application/json"], body: body(text))
        return (response.status, try json(response.body))
    }

    @Test func anInspectionIsRecordedAgainstTheDecisionInForce() async throws {
        let harness = try ServiceHarness()
        let (app, _) = try harness.make()
        let id = uniqueID("INSPECT")
        try await app.test(.router) { client in
            _ = try await client.checked(
                uri: "/v1/declarations", method: .post, headers: TestTokens.bearer(TestTokens.operator),
                body: body(cebMessage(inventory(id, hs: "8509400000"))))
            let result = """
                {"inspection_id": "NB-\(id)", "declaration": "\(id)", "conforming": false,
                 "findings": ["motor overheats"], "lab_results": [{"test": "ph-value", "passed": false, "value": "9.1"}],
                 "inspected_at": "2026-11-16T09:30:00Z"}
                """
            let (status, recorded) = try await Self.post(client, result, token: TestTokens.operator)
            #expect(status == .created)
            #expect(recorded["replay"] as? Bool == false)
            #expect(recorded["declarant"] as? String == "1105910159")
            #expect(recorded["revision"] as? String == "")
            #expect(recorded["conforming"] as? Bool == false)
            #expect(recorded["inspected_at"] as? Int == 1_794_821_400_000)
            #expect(recorded["recorded_by"] as? String == "alice")

            // Sent again, it is the same record.
            let (again, replayed) = try await Self.post(client, result)
            #expect(again == .ok)
            #expect(replayed["replay"] as? Bool == true)
            #expect(replayed["recorded_by"] as? String == "alice")

            let record = try json(
                try await client.checked(
                    uri: "/v1/decisions/\(id)", method: .get, headers: [.authorization: "Bearer \(TestTokens.viewer)"]
                ).body)
            let inspections = try #require(record["inspections"] as? [[String: Any]])
            #expect(inspections.count == 1)
            #expect(inspections.first?["findings"] as? [String] == ["motor overheats"])
            #expect(try await harness.log.inspections(declarationID: id).count == 1)
        }
    }

    @Test func badResultsAreRefusedWithTheFieldAtFault() async throws {
        let harness = try ServiceHarness()
        let (app, _) = try harness.make()
        try await app.test(.router) { client in
            let (unknown, unknownBody) = try await Self.post(client, #"{"declaration": "NOPE", "conforming": true}"#)
            #expect(unknown == .notFound)
            #expect((unknownBody["error"] as? [String: Any])?["code"] as? String == "decision.not-found")
            let (missing, missingBody) = try await Self.post(client, #"{"declaration": "X"}"#)
            #expect(missing == .badRequest)
            #expect(((missingBody["error"] as? [String: Any])?["reason"] as? String)?.contains("`conforming`") == true)
            let (badTime, badTimeBody) = try await Self.post(
                client, #"{"declaration": "X", "conforming": true, "inspected_at": "yesterday"}"#)
            #expect(badTime == .badRequest)
            #expect(((badTimeBody["error"] as? [String: Any])?["reason"] as? String)?.contains("inspected_at") == true)
            let (viewer, _) = try await Self.post(
                client, #"{"declaration": "X", "conforming": true}"#, token: TestTokens.viewer)
            #expect(viewer == .forbidden)
            let (notJSON, _) = try await Self.post(client, "<xml/>")
            #expect(notJSON == .badRequest)
        }
    }
}
