import FastReleaseCore
import FastReleaseFiles
import FastReleaseServer
import FastReleaseTestSupport
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Logging
import NIOCore
import Testing

/// Random selection in the service: one draw per consignment however often it is declared, and
/// the seeds of ended months revealed beside their commitments.
@Suite("Random selection in the service")
struct SamplingServiceTests {
    static func post(_ client: some TestClientProtocol, _ text: String) async throws -> [String: Any] {
        let response = try await client.checked(
            uri: "/v1/declarations", method: .post, headers: TestTokens.bearer(TestTokens.operator), body: body(text))
        return try #require((try json(response.body)["decisions"] as? [[String: Any]])?.first, "\(response.status)")
    }

    /// An inventory of order `order` under waybill `waybill`, whatever its copNo.
    static func inventory(_ copNo: String, order: String, waybill: String, extraHead: String = "") -> String {
        FastReleaseTestSupport.inventory(copNo, extraHead: extraHead)
            .replacingOccurrences(of: "ORDER-\(copNo)", with: order)
            .replacingOccurrences(of: "WAYBILL-\(copNo)", with: waybill)
    }

    @Test func cancellingAndDeclaringTheSameGoodsAgainDrawsTheSame() async throws {
        let harness = try ServiceHarness()
        let (app, _) = try harness.make()
        let (first, again) = (uniqueID("FIRST"), uniqueID("AGAIN"))
        let (order, waybill) = (uniqueID("ORDER"), uniqueID("WAYBILL"))
        try await app.test(.router) { client in
            let original = try await Self.post(
                client, cebMessage(Self.inventory(first, order: order, waybill: waybill)))
            let cancelled = cebMessage(
                Self.inventory(first, order: order, waybill: waybill, extraHead: "\n<ceb:appType>3</ceb:appType>")
            ).replacingOccurrences(of: "MSG-GUID", with: "CANCEL-GUID")
            #expect(try await Self.post(client, cancelled)["lane"] as? String == "withdrawn")
            let redeclared = try await Self.post(
                client,
                cebMessage(Self.inventory(again, order: order, waybill: waybill))
                    .replacingOccurrences(of: "MSG-GUID", with: "NEW-GUID"))
            #expect(redeclared["declaration"] as? String == again)
            let before = try #require(original["sampling"] as? [String: Any])
            let after = try #require(redeclared["sampling"] as? [String: Any])
            #expect(after["key"] as? String == "CEB|1101110325|\(order)|\(waybill)")
            #expect(after["key"] as? String == before["key"] as? String)
            #expect(after["draw"] as? Double == before["draw"] as? Double, "a new id is no new draw")
            #expect(after["period"] as? String == before["period"] as? String)
            let otherWaybill = try await Self.post(
                client, cebMessage(Self.inventory(uniqueID("OTHER"), order: order, waybill: uniqueID("WAYBILL"))))
            #expect((otherWaybill["sampling"] as? [String: Any])?["draw"] as? Double != before["draw"] as? Double)
        }
    }

    @Test func theCommitmentsArePublicAndAnEndedMonthsSeedIsRevealed() async throws {
        let harness = try ServiceHarness()
        let (profile, _) = try ProfileFolder.load(harness.settings.profilePath)
        let clock = WallClock.fixed(milliseconds: 1_797_292_800_000)  // 2026-12-15T00:00:00Z
        let (app, _) = ServiceApplication.make(
            settings: harness.settings, profile: LiveProfile(CompiledProfile(profile)), log: harness.log,
            logger: Logger(label: "test"), clock: clock)
        let seeds = try SamplingSeeds.parse(
            try String(contentsOf: Fixtures.defaultSeeds, encoding: .utf8), source: "default.seeds")
        try await app.test(.router) { client in
            let response = try await client.checked(uri: "/v1/sampling", method: .get)
            #expect(response.status == .ok, "no token is needed")
            let periods = try #require(try json(response.body)["periods"] as? [[String: Any]])
            let byPeriod = Dictionary(uniqueKeysWithValues: periods.map { ($0["period"] as? String ?? "", $0) })
            let november = try #require(byPeriod["2026-11"])
            #expect(november["seed"] as? String == seeds.byPeriod["2026-11"], "November has ended: its seed is shown")
            #expect(november["commitment"] as? String == SamplingSeeds.commitment(to: seeds.byPeriod["2026-11"]!))
            #expect(byPeriod["2026-12"]?["seed"] == nil, "the current month's seed is never shown")
            #expect(byPeriod["2027-01"]?["seed"] == nil)
            #expect(!String(buffer: response.body).contains(seeds.byPeriod["2026-12"]!))
        }
    }
}
