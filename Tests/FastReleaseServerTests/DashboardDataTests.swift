import FastReleaseCore
import FastReleaseStore
import FastReleaseTestSupport
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

/// The dashboard's figures are counted in the decision log over the whole day (the log's own
/// tests count more than the 20,000 decisions the dashboard used to read: `WholeWindowTests`).
@Suite("Dashboard data")
struct DashboardDataTests {
    /// Goods and origins (GACC codes) that the default profile's rules look at, and some they do not.
    static let goods = [
        ("3304990099", "116"), ("0402210000", "609"), ("8541401000", "116"), ("9503008900", "142"),
        ("6109100022", "502"), ("2106909090", "301"), ("8516320000", "133"),
    ]

    @Test func ruleStatisticsAreThoseOfEveryDecisionAndInspectionOfTheDay() async throws {
        let harness = try ServiceHarness()
        let (app, _) = try harness.make()
        let prefix = uniqueID("DASHDATA")
        try await app.test(.router) { client in
            for message in 0..<3 {
                let inventories = (0..<20).map { number -> String in
                    let (hs, country) = Self.goods[(message * 20 + number) % Self.goods.count]
                    return inventory("\(prefix)-\(message)-\(number)", hs: hs, country: country)
                }
                let answer = try await client.checked(
                    uri: "/v1/declarations", method: .post, headers: TestTokens.bearer(TestTokens.gateway),
                    body: ByteBuffer(string: cebMessage(inventories.joined())))
                #expect(answer.status == .ok)
            }
            for (number, conforming) in [(0, true), (1, false), (2, true), (7, false), (8, true)] {
                let body =
                    #"{"inspection_id":"\#(prefix)-I\#(number)","declaration":"\#(prefix)-0-\#(number)","conforming":\#(conforming)}"#
                let answer = try await client.checked(
                    uri: "/v1/inspections", method: .post,
                    headers: [.authorization: "Bearer \(TestTokens.inspector)", .contentType: "application/json"],
                    body: ByteBuffer(string: body))
                #expect(answer.status == .created)
            }
            let data = try json(
                try await client.checked(
                    uri: "/v1/dashboard/data", method: .get, headers: [.authorization: "Bearer \(TestTokens.viewer)"]
                ).body)
            let rules = try #require(data["rules"] as? [[String: Any]])
            let shown = rules.map {
                RuleStatistic(
                    rule: $0["rule"] as? String ?? "", hits: $0["hits"] as? Int ?? -1,
                    withResults: $0["with_result"] as? Int ?? -1, nonconforming: $0["nonconforming"] as? Int ?? -1)
            }
            let counted = try await Self.directCount(harness.log)
            #expect(
                !counted.isEmpty && counted.contains { $0.withResults > 0 } && counted.contains { $0.nonconforming > 0 }
            )
            #expect(shown == Array(counted.prefix(15)))
        }
    }

    /// Each rule's hits counted from the stored payloads, with the inspections of each declaration.
    static func directCount(_ log: any DecisionLog) async throws -> [RuleStatistic] {
        var counted: [String: RuleStatistic] = [:]
        for try await page in log.decisionPages(decidedFrom: 0, to: .max) {
            for decision in page {
                let inspections = try await log.inspections(declarationID: decision.key.declarationID)
                for hit in try decision.decodedPayload().hits ?? [] {
                    var statistic =
                        counted[hit.rule] ?? RuleStatistic(rule: hit.rule, hits: 0, withResults: 0, nonconforming: 0)
                    statistic.hits += 1
                    if !inspections.isEmpty { statistic.withResults += 1 }
                    if inspections.contains(where: { !$0.conforming }) { statistic.nonconforming += 1 }
                    counted[hit.rule] = statistic
                }
            }
        }
        return counted.values.sorted { $0.hits > $1.hits || ($0.hits == $1.hits && $0.rule < $1.rule) }
    }
}
