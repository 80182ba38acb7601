import FastReleaseCore
import FastReleaseOperations
import FastReleaseStore
import FastReleaseTestSupport
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NIOCore
import Testing

/// Laboratory results for goods held for tests: all passed releases them, one failed keeps them
/// held and nonconforming; the gateway gets the new status as a receipt in its own language, and
/// the report counts the time from hold to release.
@Suite("Laboratory results release held goods")
struct LabResultsTests {
    static func labResults(
        _ client: some TestClientProtocol, _ id: String, _ results: [(String, Bool)], resultID: String,
        token: String = TestTokens.laboratory, accept: String = "application/json"
    ) async throws -> TestResponse {
        let tests = results.map { "{\"test\": \"\($0.0)\", \"passed\": \($0.1)}" }.joined(separator: ", ")
        let body = """
            {"inspection_id": "\(resultID)", "declaration": "\(id)", "lab_results": [\(tests)],
             "inspected_at": "2026-11-16T09:30:00Z"}
            """
        return try await client.checked(
            uri: "/v1/lab-results", method: .post,
            headers: [.authorization: "Bearer \(token)", .accept: accept, .contentType: "application/json"],
            body: ByteBuffer(string: body))
    }

    /// A held fur export: the maker's monitoring lapsed and no lot is cited, so it is sampled for both tests.
    static func heldExport(_ client: some TestClientProtocol, _ id: String) async throws -> [String: Any] {
        let decision = try await StateServiceTests.furExport(client, id, maker: "1105910165")
        #expect(decision["lane"] as? String == "sample-release")
        #expect(decision["lab_tests"] as? [String] == ["azo-dyes", "free-formaldehyde"])
        return decision
    }

    /// A body past the cold routes' limit (64 KiB) is refused in the service's error shape, not
    /// with the empty 413 Hummingbird's `collect(upTo:)` would answer.
    @Test func aBodyPastTheLimitIsA413InTheErrorShape() async throws {
        let harness = try ServiceHarness()
        let (app, _) = try harness.make()
        try await app.test(.router) { client in
            let padding = String(repeating: "x", count: 70 << 10)
            for (path, token) in [
                ("/v1/lab-results", TestTokens.laboratory), ("/v1/inspections", TestTokens.inspector),
            ] {
                let answer = try await client.checked(
                    uri: path, method: .post,
                    headers: [.authorization: "Bearer \(token)", .contentType: "application/json"],
                    body: ByteBuffer(string: "{\"inspection_id\": \"\(padding)\"}"))
                #expect(answer.status == .contentTooLarge, "\(path)")
                #expect(answer.headers[.contentType]?.hasPrefix("application/json") == true, "\(path)")
                let error = try json(answer.body)["error"] as? [String: Any]
                #expect(error?["code"] as? String == "request.too-large", "\(path)")
                #expect(
                    (error?["reason"] as? String)?.contains("65536 bytes") == true,
                    "\(path): \(String(describing: error))")
            }
        }
    }

    @Test func passedResultsReleaseAndAFailedOneMarksTheGoodsNonconformingOnSQLite() async throws {
        try await Self.exercise(try ServiceHarness())
    }

    #if PostgreSQL
        @Test(.tags(.postgres), .needsPostgres)
        func passedResultsReleaseAndAFailedOneMarksTheGoodsNonconformingOnPostgreSQL() async throws {
            try await TestPostgres.withLog("lab-results") { log in try await Self.exercise(try ServiceHarness(log: log))
            }
        }
    #endif

    static func exercise(_ harness: ServiceHarness) async throws {
        let (app, _) = try harness.make()
        let (held, failing, free) = (uniqueID("LAB-OK"), uniqueID("LAB-FAIL"), uniqueID("LAB-FREE"))
        try await app.test(.router) { client in
            _ = try await Self.heldExport(client, held)
            // One result of two, both needed: the goods stay held.
            let partial = try await Self.labResults(client, held, [("azo-dyes", true)], resultID: "\(held)-R1")
            #expect(partial.status == .badRequest)
            #expect(String(buffer: partial.body).contains("no result for free-formaldehyde"))
            // Gateways may not record laboratory results.
            let gateway = try await Self.labResults(
                client, held, [("azo-dyes", true), ("free-formaldehyde", true)], resultID: "\(held)-R2",
                token: TestTokens.gateway)
            #expect(gateway.status == .forbidden)
            // Both passed: released, answered as a CEB604 receipt with 800.
            let releasing = try await Self.labResults(
                client, held, [("azo-dyes", true), ("free-formaldehyde", true)], resultID: "\(held)-R3",
                accept: "application/xml")
            #expect(releasing.status == .created)
            let receipt = String(buffer: releasing.body)
            #expect(receipt.contains("<ceb:CEB604Message"), "\(receipt)")
            #expect(receipt.contains("<ceb:returnStatus>800</ceb:returnStatus>"))
            #expect(receipt.contains("released: laboratory tests passed (azo-dyes, free-formaldehyde)"))
            // The gateway reads the new status, in its own language too.
            let record = try json(
                try await client.checked(
                    uri: "/v1/decisions/\(held)", method: .get,
                    headers: [.authorization: "Bearer \(TestTokens.gateway)"]
                ).body)
            #expect(record["goods"] as? String == "released")
            #expect(record["hits"] == nil && record["lab_tests"] == nil, "a gateway reads no explanation: \(record)")
            let full = try json(
                try await client.checked(
                    uri: "/v1/decisions/\(held)", method: .get,
                    headers: [.authorization: "Bearer \(TestTokens.viewer)"]
                ).body)
            #expect(full["status"] as? String == "released")
            let status = try await client.checked(
                uri: "/v1/decisions/\(held)", method: .get,
                headers: [.authorization: "Bearer \(TestTokens.gateway)", .accept: "application/xml"])
            #expect(String(buffer: status.body).contains("<ceb:returnStatus>800</ceb:returnStatus>"))
            // A resend of the same results is a replay.
            let again = try await Self.labResults(
                client, held, [("azo-dyes", true), ("free-formaldehyde", true)], resultID: "\(held)-R3")
            let replayed = try json(again.body)["replay"] as? Bool
            #expect(again.status == .ok && replayed == true)

            // One failed: held, nonconforming, without waiting for the other.
            _ = try await Self.heldExport(client, failing)
            let failed = try await Self.labResults(client, failing, [("azo-dyes", false)], resultID: "\(failing)-R1")
            #expect(failed.status == .created)
            let verdict = try json(failed.body)
            #expect(verdict["status"] as? String == "nonconforming" && verdict["failed"] as? [String] == ["azo-dyes"])
            let stillHeld = try await client.checked(
                uri: "/v1/decisions/\(failing)", method: .get,
                headers: [.authorization: "Bearer \(TestTokens.gateway)", .accept: "application/xml"])
            let heldReceipt = String(buffer: stillHeld.body)
            #expect(heldReceipt.contains("<ceb:returnStatus>500</ceb:returnStatus>"))
            #expect(heldReceipt.contains("held, nonconforming: laboratory tests failed (azo-dyes)"))

            // Goods released at once are not waiting for results (an id the random selection
            // does not draw is looked for: a drawn one would be sampled).
            var released: String? = nil
            for attempt in 0..<20 where released == nil {
                let id = "\(free)-\(attempt)"
                let monitored = try await StateServiceTests.furExport(client, id, maker: "1311960001")
                if monitored["lane"] as? String == "release" { released = id }
            }
            let notHeld = try await Self.labResults(
                client, try #require(released), [("azo-dyes", true)], resultID: "\(free)-R1")
            #expect(notHeld.status == .conflict)
            #expect(String(buffer: notHeld.body).contains("declaration.not-held"))
        }
        // The report counts the time from hold to release.
        let report = try await PeriodReport.make(period: "all", from: 0, to: 4_102_444_800_000, log: harness.log)
        #expect(report.holdToReleaseMilliseconds.count == 1)
        #expect(report.heldNonconforming == 1)
        #expect(report.text().contains("(1 released, 1 nonconforming)"))
    }
}
