import FastReleaseCore
import FastReleaseStore
import FastReleaseTestSupport
import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

@testable import FastReleaseServer

/// A service that starts on a log counts the day's examiner draws and the ports' latest lanes from
/// it, as if it had made them itself: the log extracts what the desk needs from each decision's
/// JSON (`SelectionRow`) instead of the service decoding every decision of the day.
@Suite("Selection counts after a restart")
struct SelectionRestartTests {
    @Test func aRestartedServiceCountsTheDaysExaminerDrawsFromTheLog() async throws {
        let folder = try TemporaryDirectory()
        let path = folder.url.appendingPathComponent("decisions.sqlite").path
        let (first, parts) = try ServiceHarness(log: try SQLiteDecisionLog(path: path)).make()
        let prefix = uniqueID("RESTART")
        try await first.test(.router) { client in
            for message in 0..<2 {
                let inventories = (0..<20).map { number -> String in
                    let (hs, country) = DashboardDataTests.goods[
                        (message * 20 + number) % DashboardDataTests.goods.count]
                    return inventory("\(prefix)-\(message)-\(number)", hs: hs, country: country)
                }
                let answer = try await client.checked(
                    uri: "/v1/declarations", method: .post, headers: TestTokens.bearer(TestTokens.gateway),
                    body: ByteBuffer(string: cebMessage(inventories.joined())))
                #expect(answer.status == .ok)
            }
        }
        let log = try SQLiteDecisionLog(path: path)
        var days = Set<String>()
        for try await page in log.decisionPages(decidedFrom: 0, to: .max) {
            for decision in page { if let day = try decision.decodedPayload().examiner?.day { days.insert(day) } }
        }
        let day = try #require(days.first, "some declarations are in inspection lanes, with examiners drawn")
        let before = parts.service.selection.workloads(on: day)
        #expect(before.values.reduce(0, +) > 1)

        let (again, restarted) = try ServiceHarness(log: log).make()
        try await again.test(.router) { _ in
            #expect(restarted.service.selection.workloads(on: day) == before)
        }
    }
}
