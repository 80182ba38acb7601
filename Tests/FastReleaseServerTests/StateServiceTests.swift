import FastReleaseCore
import FastReleaseStore
import FastReleaseTestSupport
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NIOCore
import Testing

/// The reference state through the service: operators change it, laboratories record results
/// and nothing else, gateways never see it; every change is kept (who, when, what) and survives
/// a restart; monitoring that fails ends the exemption for the next declarations, which say why.
@Suite("Reference state in the service")
struct StateServiceTests {
    static func send(
        _ client: some TestClientProtocol, _ method: HTTPRequest.Method, _ path: String, _ body: String = "",
        token: String
    ) async throws -> TestResponse {
        try await client.checked(
            uri: path, method: method, headers: [.authorization: "Bearer \(token)"], body: ByteBuffer(string: body))
    }

    /// The first decision for a CEB603 fur export by `maker` citing `book/record` (or no lot).
    static func furExport(
        _ client: some TestClientProtocol, _ id: String, maker: String, book: String = "", record: String = "17"
    ) async throws -> [String: Any] {
        let message = FurExportFixture.message([
            FurExportFixture.inventory(id, book: book, coats: 2, maker: maker, itemRecord: record)
        ])
        let response = try await client.checked(
            uri: "/v1/declarations", method: .post, headers: TestTokens.bearer(TestTokens.operator),
            body: ByteBuffer(string: message))
        #expect(response.status == .ok)
        return try #require((try json(response.body)["decisions"] as? [[String: Any]])?.first)
    }

    /// The findings of the fur rule of a decision, and whether it was waived.
    static func furEvidence(_ decision: [String: Any]) -> (waived: Bool, details: [String]) {
        let hit = (decision["hits"] as? [[String: Any]])?.first { $0["rule"] as? String == "FUR-PERIODIC-MONITORING" }
        let details = (hit?["evidence"] as? [[String: Any]] ?? []).map { $0["detail"] as? String ?? "" }
        return (hit?["waived"] as? Bool ?? false, details)
    }

    @Test func rolesChangesHistoryAndRestartOnSQLite() async throws {
        try await Self.exercise(try ServiceHarness(), fresh: true)
    }

    #if PostgreSQL
        @Test(.tags(.postgres), .needsPostgres)
        func rolesChangesHistoryAndRestartOnPostgreSQL() async throws {
            try await TestPostgres.withLog("state") { log in
                try await Self.exercise(try ServiceHarness(log: log), fresh: false)
            }
        }
    #endif

    /// `fresh`: the log held nothing before (a shared PostgreSQL may hold other tests' changes).
    static func exercise(_ harness: ServiceHarness, fresh: Bool) async throws {
        let (app, _) = try harness.make()
        // A registered class-1 maker no other test puts under monitoring (the responsible
        // enterprise must be in the register, else the declarant is).
        let maker = "1105910162"
        try await app.test(.router) { client in
            // An operator puts the maker under monthly monitoring, passed on 2026-11-06.
            let monitoring =
                "subject,code,test,interval_days\nenterprise,\(maker),free-formaldehyde,31\nenterprise,\(maker),azo-dyes,31\n"
            let passed = """
                subject,code,test,passed,tested_at
                enterprise,\(maker),free-formaldehyde,pass,2026-11-06T09:30:00
                enterprise,\(maker),azo-dyes,pass,2026-11-06T09:30:00
                """
            for (file, text) in [("monitoring.csv", monitoring), ("monitoring-results.csv", passed)] {
                #expect(
                    try await Self.send(client, .post, "/v1/state/\(file)", text, token: TestTokens.operator).status
                        == .created)
            }
            let before = try await Self.furExport(client, uniqueID("HS-A"), maker: maker)
            #expect(Self.furEvidence(before).waived, "\(Self.furEvidence(before).details)")
            // Gateways never see the state; laboratories may not change lots.
            #expect(try await Self.send(client, .get, "/v1/state", token: TestTokens.gateway).status == .forbidden)
            let lots = "id,holder,material,hs,supplier,quantity,unit,conforming_quantity,valid_until\n"
            #expect(
                try await Self.send(client, .post, "/v1/state/lots.csv", lots, token: TestTokens.laboratory).status
                    == .forbidden)
            #expect(
                try await Self.send(client, .post, "/v1/state/frogs.csv", lots, token: TestTokens.operator).status
                    == .badRequest)
            // A laboratory's failed azo-dye result ends the exemption at once.
            let result = "subject,code,test,passed,tested_at\nenterprise,\(maker),azo-dyes,fail,2026-11-14T08:00:00\n"
            let recorded = try await Self.send(
                client, .post, "/v1/state/monitoring-results.csv", result, token: TestTokens.laboratory)
            #expect(recorded.status == .created, "\(String(buffer: recorded.body))")
            let after = try await Self.furExport(client, uniqueID("HS-B"), maker: maker)
            #expect(!Self.furEvidence(after).waived)
            #expect(
                Self.furEvidence(after).details.last
                    == "enterprise \(maker): monitoring of azo-dyes failed on 2026-11-14")
            #expect(after["lab_tests"] as? [String] == ["azo-dyes", "free-formaldehyde"])
            // A laboratory's lot results set its conforming quantity: a lot of untested hides,
            // nothing conforming, releases once the laboratory passes it with 5 conforming.
            let book = uniqueID("LAB")
            let untested = lots + "\(book)/17,1105910165,tanned fox hides,4302191000,TAN-0002,5,H87,0,\n"
            #expect(
                try await Self.send(client, .post, "/v1/state/lots.csv", untested, token: TestTokens.operator).status
                    == .created)
            let unproven = try await Self.furExport(client, uniqueID("HS-C"), maker: "1105910165", book: book)
            #expect(Self.furEvidence(unproven).details.first == "lot \(book)/17 was not tested for free-formaldehyde")
            let lotResults = """
                lot,test,passed,tested_at,conforming_quantity
                \(book)/17,free-formaldehyde,pass,2026-11-10T09:00:00,5
                \(book)/17,azo-dyes,pass,2026-11-10T09:00:00,5
                """
            #expect(
                try await Self.send(client, .post, "/v1/state/lot-tests.csv", lotResults, token: TestTokens.laboratory)
                    .status == .created)
            let proven = try await Self.furExport(client, uniqueID("HS-D"), maker: "1105910165", book: book)
            #expect(Self.furEvidence(proven).waived, "\(Self.furEvidence(proven).details)")
            #expect(try await harness.log.lotWrittenOff()["\(book)/17"] == 5_000_000)
            // Mistakes are refused with their place, and nothing is recorded.
            let bad = "subject,code,test,passed,tested_at\nenterprise,\(maker),azo-dyes,maybe,2026-11-14\n"
            let refused = try await Self.send(
                client, .post, "/v1/state/monitoring-results.csv", bad, token: TestTokens.laboratory)
            #expect(refused.status == .badRequest)
            #expect(
                String(buffer: refused.body).contains(
                    "monitoring-results.csv:2:32: error: `passed` must be true or false"))
            // An interval past the calendar's end is a mistake, not a service that stops.
            let forever = "subject,code,test,interval_days\nenterprise,\(maker),azo-dyes,999999999999999\n"
            let endless = try await Self.send(
                client, .post, "/v1/state/monitoring.csv", forever, token: TestTokens.operator)
            #expect(endless.status == .badRequest)
            #expect(String(buffer: endless.body).contains("`interval_days` must be a whole number from 1 to 3653"))
            #expect(try await Self.send(client, .get, "/v1/state", token: TestTokens.operator).status == .ok)
            // Every change is kept, with who made it and in which role.
            let history = try json(
                try await Self.send(client, .get, "/v1/state/changes?limit=1000", token: TestTokens.laboratory).body)
            let all = try #require(history["changes"] as? [[String: Any]])
            let ours = all.filter {
                let content = $0["content"] as? String ?? ""
                return content.contains("enterprise,\(maker),") || content.contains(book)
            }
            #expect(
                ours.map {
                    "\($0["file"] as? String ?? "") \($0["changed_by"] as? String ?? "") \($0["role"] as? String ?? "")"
                } == [
                    "monitoring.csv alice operator", "monitoring-results.csv alice operator",
                    "monitoring-results.csv wuqiang-lab laboratory", "lots.csv alice operator",
                    "lot-tests.csv wuqiang-lab laboratory",
                ])
            #expect((all.first?["changed_by"] as? String)?.hasPrefix("import:") == true)
            if fresh { #expect(all.count == 6, "the seed and this test's five changes") }
        }
        // A restart on the same log keeps it all.
        let (restarted, _) = try harness.make()
        try await restarted.test(.router) { client in
            let state = try json(try await Self.send(client, .get, "/v1/state", token: TestTokens.operator).body)
            let enterprises = try #require(state["enterprises"] as? [[String: Any]])
            let monitored = try #require(enterprises.first { $0["enterprise"] as? String == maker })
            let azo = (monitored["monitoring"] as? [[String: Any]])?.first { $0["test"] as? String == "azo-dyes" }
            #expect(azo?["exempts"] as? Bool == false)
            // The examiners' roster came with the profile's state folder.
            let shifts = try #require(state["examiners"] as? [[String: Any]])
            #expect(shifts.contains { $0["examiner"] as? String == "NB-EX-101" && $0["on_shift"] as? Bool == true })
            let again = try await Self.furExport(client, uniqueID("HS-E"), maker: maker)
            #expect(!Self.furEvidence(again).waived)
        }
    }
}
