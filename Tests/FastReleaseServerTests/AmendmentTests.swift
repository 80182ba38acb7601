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

/// Amendments re-score a declaration and supersede its decision; cancellations withdraw it.
/// Both show in the decision record.
@Suite("Amendments and cancellations")
struct AmendmentTests {
    static let lrn = "TT_IM01d_v1.6_230322_1"
    static let viewer: HTTPFields = [.authorization: "Bearer \(TestTokens.viewer)"]

    static func sample(_ name: String) throws -> String {
        String(decoding: try Fixtures.officialWCODeclaration(name), as: UTF8.self)
    }

    /// The official amendment (item 1's price to 999), pointed at `mrn`, with its own LRN.
    static func amendment(mrn: String, lrn: String = "TT_IM02b_1803_002", extraCommodity: String = "") throws
        -> String
    {
        try sample("TT_IM002b_Amendment.xml")
            .replacingOccurrences(of: "<ID>20GB32VVZI0YMFGVR0</ID>", with: "<ID>\(mrn)</ID>")
            .replacingOccurrences(of: "TT_IM02b_1803_002", with: lrn)
            .replacingOccurrences(of: "<InvoiceLine>", with: extraCommodity + "<InvoiceLine>")
    }

    static func post(_ client: some TestClientProtocol, _ text: String) async throws -> [String: Any] {
        let response = try await client.checked(
            uri: "/v1/declarations", method: .post, headers: TestTokens.bearer(TestTokens.operator), body: body(text))
        let document = try json(response.body)
        if let decision = (document["decisions"] as? [[String: Any]])?.first { return decision }
        return (document["errors"] as? [[String: Any]])?.first ?? [:]
    }

    static func record(_ client: some TestClientProtocol, _ id: String) async throws -> [String: Any] {
        try json(try await client.checked(uri: "/v1/decisions/\(id)", method: .get, headers: viewer).body)
    }

    @Test func wcoAmendmentsSupersedeAndACancellationWithdraws() async throws {
        let harness = try ServiceHarness()
        let (app, _) = try harness.make()
        try await app.test(.router) { client in
            let original = try await Self.post(client, try Self.sample("TT_IM001d.xml"))
            #expect(original["function"] as? String == "original")
            let mrn = try #require(try await Self.record(client, Self.lrn)["reference"] as? String)
            #expect(mrn.count == 18 && mrn.dropFirst(2).hasPrefix("GB"), "\(mrn)")
            // The MRN finds the same record.
            #expect(try await Self.record(client, mrn)["declaration"] as? String == Self.lrn)

            let priced = try await Self.post(client, try Self.amendment(mrn: mrn))
            #expect(priced["function"] as? String == "amendment")
            #expect(priced["declaration"] as? String == Self.lrn)
            #expect(priced["revision"] as? String == "TT_IM02b_1803_002")
            #expect((priced["supersedes"] as? [String: Any])?["revision"] as? String == "")
            #expect(priced["replay"] as? Bool == false)

            // The merged declaration: item 1 repriced, the rest as first declared.
            let rows = try await harness.log.decisions(declarationID: Self.lrn)
            let merged = try DeclarationSnapshot.decode(try #require(rows.last).declaration)
            #expect(merged.items.map(\.value) == [999, 100, 100])
            #expect(merged.items[0].hs?.description == "85109000")
            #expect(merged.totalValue == 1199)
            #expect(merged.parties[.declarant]?.code == "GB603202734852")
            #expect(merged.function == .amendment)

            // A second amendment reclassifies item 1 as a juicer: the re-score finds the alert.
            let juicer =
                "<Classification><ID>85094000</ID><IdentificationTypeCode>TSP</IdentificationTypeCode></Classification>"
            let reclassified = try await Self.post(
                client, try Self.amendment(mrn: mrn, lrn: "TT_IM02b_1803_003", extraCommodity: juicer))
            #expect(reclassified["lane"] as? String == "inspect-release")
            #expect(
                (reclassified["hits"] as? [[String: Any]])?.contains { $0["rule"] as? String == "ALERT-JUICERS" }
                    == true)
            #expect((reclassified["supersedes"] as? [String: Any])?["revision"] as? String == "TT_IM02b_1803_002")

            // The first amendment sent again is a replay, not a third change.
            let resent = try await Self.post(client, try Self.amendment(mrn: mrn))
            #expect(resent["replay"] as? Bool == true)
            #expect(resent["revision"] as? String == "TT_IM02b_1803_002")

            var record = try await Self.record(client, Self.lrn)
            #expect(record["status"] as? String == "current")
            #expect(record["revision"] as? String == "TT_IM02b_1803_003")
            let statuses = (record["history"] as? [[String: Any]])?.map { $0["status"] as? String ?? "" }
            #expect(statuses == ["superseded", "superseded", "current"])

            let cancellation = try Self.sample("TT_IM011a_Cancellation.xml").replacingOccurrences(
                of: "<ID>24GBA4ZYBWXU1BSA00</ID>", with: "<ID>\(mrn)</ID>")
            let withdrawn = try await Self.post(client, cancellation)
            #expect(withdrawn["lane"] as? String == "withdrawn")
            #expect(withdrawn["function"] as? String == "cancellation")
            #expect(withdrawn["reason"] as? String == "This is a duplicate declaration, please cancel")
            record = try await Self.record(client, Self.lrn)
            #expect(record["status"] as? String == "withdrawn")
            #expect((record["history"] as? [[String: Any]])?.count == 4)

            let late = try await Self.post(client, try Self.amendment(mrn: mrn, lrn: "TT_IM02b_1803_004"))
            #expect(late["code"] as? String == "declaration.cancelled", "\(late)")
        }
    }

    @Test func aChangeToAnUnknownDeclarationIsRefused() async throws {
        let harness = try ServiceHarness()
        let (app, _) = try harness.make()
        try await app.test(.router) { client in
            let answer = try await Self.post(client, try Self.sample("TT_IM002b_Amendment.xml"))
            #expect(answer["code"] as? String == "declaration.unknown")
            #expect((answer["reason"] as? String)?.contains("20GB32VVZI0YMFGVR0") == true)
            #expect(try await harness.log.count() == 0)
        }
    }

    @Test func cebAmendmentAndCancellationSupersede() async throws {
        let harness = try ServiceHarness()
        let (app, _) = try harness.make()
        let id = uniqueID("CEB-AMEND")
        try await app.test(.router) { client in
            _ = try await Self.post(client, cebMessage(inventory(id)))
            let amended = cebMessage(inventory(id, hs: "8509400000", extraHead: "\n<ceb:appType>2</ceb:appType>"))
                .replacingOccurrences(of: "MSG-GUID", with: "AMEND-GUID")
            let answer = try await Self.post(client, amended)
            #expect(answer["function"] as? String == "amendment")
            #expect(answer["lane"] as? String == "inspect-release")
            #expect(answer["revision"] as? String == "AMEND-GUID")
            let cancelled = cebMessage(inventory(id, extraHead: "\n<ceb:appType>3</ceb:appType>"))
                .replacingOccurrences(of: "MSG-GUID", with: "CANCEL-GUID")
            #expect(try await Self.post(client, cancelled)["lane"] as? String == "withdrawn")
            let record = try await Self.record(client, id)
            #expect(record["status"] as? String == "withdrawn")
            #expect(
                (record["history"] as? [[String: Any]])?.map { $0["function"] as? String ?? "" }
                    == ["original", "amendment", "cancellation"])
        }
    }
}
