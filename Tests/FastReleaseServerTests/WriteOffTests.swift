import FastReleaseCore
import FastReleaseStore
import FastReleaseTestSupport
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Logging
import NIOCore
import Testing

/// Lots written off in the transaction that records the decision: a lot that covers 100
/// declarations releases exactly 100 of 1,000 sent at once (one instance or two on one
/// PostgreSQL), a resend writes off nothing more, a cancellation gives back, an amendment adjusts.
@Suite("Write-off in the service", .tags(.load), .timeLimit(.minutes(5)))
struct WriteOffTests {
    static func post(_ client: some TestClientProtocol, _ path: String, _ body: String, token: String) async throws
        -> TestResponse
    {
        try await client.checked(
            uri: path, method: .post, headers: [.authorization: "Bearer \(token)"], body: ByteBuffer(string: body))
    }

    /// Adds lot `book/17` with `conforming` hides through the service, as an operator.
    static func addLot(_ client: some TestClientProtocol, book: String, conforming: Int) async throws {
        let files = FurExportFixture.lotFiles(book: book, conforming: conforming)
        #expect(try await post(client, "/v1/state/lots.csv", files.lots, token: TestTokens.operator).status == .created)
        #expect(
            try await post(client, "/v1/state/lot-tests.csv", files.tests, token: TestTokens.operator).status
                == .created)
    }

    static func declare(_ client: some TestClientProtocol, _ message: String) async throws -> [[String: Any]] {
        let response = try await client.checked(
            uri: "/v1/declarations", method: .post, headers: TestTokens.bearer(TestTokens.operator),
            body: ByteBuffer(string: message))
        #expect(response.status == .ok, "\(String(buffer: response.body))")
        return try json(response.body)["decisions"] as? [[String: Any]] ?? []
    }

    static func writtenOff(_ decision: [String: Any], lot: String) -> Double? {
        (decision["write_offs"] as? [[String: Any]])?.first { $0["lot"] as? String == lot }?["quantity"] as? Double
    }

    /// Sends 1,000 one-coat declarations at once, spread over `clients`, against a lot of 250
    /// hides (100 coats); checks that exactly 100 are released on it and the rest are tested.
    static func thousandAtOnce(clients: [any TestClientProtocol], log: any DecisionLog) async throws {
        let book = uniqueID("BOOK")
        try await addLot(clients[0], book: book, conforming: 250)
        for client in clients.dropFirst() {  // the other instances see the new lot
            let state = try await client.checked(
                uri: "/v1/state", method: .get, headers: [.authorization: "Bearer \(TestTokens.operator)"])
            #expect(String(buffer: state.body).contains("\(book)/17"))
        }
        let bodies = try await withThrowingTaskGroup(of: ByteBuffer.self) { group in
            for number in 0..<1000 {
                let client = clients[number % clients.count]
                let message = FurExportFixture.message([
                    FurExportFixture.inventory("\(book)-\(number)", book: book, coats: 1)
                ])
                group.addTask {
                    let response = try await client.checked(
                        uri: "/v1/declarations", method: .post, headers: TestTokens.bearer(TestTokens.operator),
                        body: ByteBuffer(string: message))
                    #expect(response.status == .ok, "\(String(buffer: response.body))")
                    return response.body
                }
            }
            return try await group.reduce(into: []) { $0.append($1) }
        }
        let answers = try bodies.flatMap { try json($0)["decisions"] as? [[String: Any]] ?? [] }
        #expect(answers.count == 1000)
        // Exactly 100 rest on the lot (a few of them may still be drawn at random for a sample).
        let onLot = answers.filter { writtenOff($0, lot: "\(book)/17") != nil }
        #expect(onLot.count == 100)
        #expect(onLot.allSatisfy { writtenOff($0, lot: "\(book)/17") == 2.5 })
        #expect(onLot.allSatisfy { ($0["lab_tests"] as? [String])?.isEmpty == true })
        let tested = answers.filter { writtenOff($0, lot: "\(book)/17") == nil }
        #expect(tested.count == 900)
        #expect(tested.allSatisfy { $0["lane"] as? String == "sample-release" })
        let reasons = tested.map { answer in
            let evidence =
                (answer["hits"] as? [[String: Any]])?.first { $0["rule"] as? String == "FUR-PERIODIC-MONITORING" }?[
                    "evidence"] as? [[String: Any]]
            return evidence?.first?["detail"] as? String ?? ""
        }
        let odd = reasons.filter { !$0.contains("has 0 of 250 H87 left, line 1 needs 2.5") }
        #expect(odd.isEmpty, "\(odd.prefix(3))")
        #expect(try await log.lotWrittenOff()["\(book)/17"] == 250_000_000)
    }

    @Test func theDeclarationsOfOneMessageSayWhatIsLeftOneAfterAnother() async throws {
        let harness = try ServiceHarness()
        let (app, _) = try harness.make()
        try await app.test(.router) { client in
            let book = uniqueID("BOOK")
            try await Self.addLot(client, book: book, conforming: 600)
            let message = FurExportFixture.message(
                (1...3).map { FurExportFixture.inventory("\(book)-\($0)", book: book, coats: 4) })
            let lefts = try await Self.declare(client, message).map { decision in
                (decision["write_offs"] as? [[String: Any]])?.first?["left"] as? Double
            }
            #expect(lefts == [590, 580, 570])
            #expect(try await harness.log.lotWrittenOff()["\(book)/17"] == 30_000_000)
        }
    }

    @Test func aLotReleasesExactlyAsManyAsItCoversOnSQLite() async throws {
        let harness = try ServiceHarness()
        let (app, _) = try harness.make()
        try await app.test(.router) { client in
            try await Self.thousandAtOnce(clients: [client], log: harness.log)
        }
    }

    #if PostgreSQL
        @Test(.tags(.postgres), .needsPostgres)
        func aLotReleasesExactlyAsManyAsItCoversAcrossTwoInstancesOnPostgreSQL() async throws {
            let (first, second) = (try TestPostgres.makeLog("instance-1"), try TestPostgres.makeLog("instance-2"))
            try await withThrowingTaskGroup(of: Void.self) { pools in
                pools.addTask { try await first.run() }
                pools.addTask { try await second.run() }
                try await first.prepare()
                try await second.prepare()
                let (appOne, _) = try ServiceHarness(log: first).make()
                let (appTwo, _) = try ServiceHarness(log: second).make()
                try await appOne.test(.router) { one in
                    try await appTwo.test(.router) { two in
                        try await Self.thousandAtOnce(clients: [one, two], log: first)
                    }
                }
                pools.cancelAll()
            }
        }
    #endif

    /// Resend, amendment and cancellation of one declaration, on `log`. (Lanes are not
    /// asserted: a declaration released on a lot may still be drawn at random for a sample.)
    static func revisions(_ client: some TestClientProtocol, log: any DecisionLog) async throws {
        let book = uniqueID("BOOK")
        let lot = "\(book)/17"
        try await addLot(client, book: book, conforming: 100)
        let id = "\(book)-1"
        let original = FurExportFixture.message([FurExportFixture.inventory(id, book: book, coats: 4)], guid: "G-1")
        let first = try #require(try await declare(client, original).first)
        #expect(writtenOff(first, lot: lot) == 10 && (first["lab_tests"] as? [String])?.isEmpty == true)
        #expect(try await log.lotWrittenOff()[lot] == 10_000_000)
        // A resend is the same decision and writes off nothing more.
        let resent = try #require(try await declare(client, original).first)
        #expect(resent["replay"] as? Bool == true)
        #expect(try await log.lotWrittenOff()[lot] == 10_000_000)
        // An amendment to 6 coats writes off 15 in all: 5 more.
        let amended = FurExportFixture.message(
            [FurExportFixture.inventory(id, book: book, coats: 6, appType: 2)], guid: "G-2")
        let amendment = try #require(try await declare(client, amended).first)
        #expect(amendment["function"] as? String == "amendment" && writtenOff(amendment, lot: lot) == 15)
        #expect(try await log.lotWrittenOff()[lot] == 15_000_000)
        #expect(try #require(try await declare(client, amended).first)["replay"] as? Bool == true)
        #expect(try await log.lotWrittenOff()[lot] == 15_000_000, "a resent amendment adjusts nothing more")
        // A cancellation gives the 15 back.
        let cancelled = FurExportFixture.message(
            [FurExportFixture.inventory(id, book: book, coats: 6, appType: 3)], guid: "G-3")
        #expect(try #require(try await declare(client, cancelled).first)["lane"] as? String == "withdrawn")
        #expect(try await log.lotWrittenOff()[lot] == 0)
        _ = try await declare(client, cancelled)
        #expect(try await log.lotWrittenOff()[lot] == 0, "a resent cancellation gives back nothing more")
        // What was given back releases the next declaration: 40 coats need all 100 hides.
        let next = FurExportFixture.message([FurExportFixture.inventory("\(book)-2", book: book, coats: 40)])
        #expect(writtenOff(try #require(try await declare(client, next).first), lot: lot) == 100)
        #expect(try await log.lotWrittenOff()[lot] == 100_000_000)
    }

    @Test func resendCancellationAndAmendmentOnSQLite() async throws {
        let harness = try ServiceHarness()
        let (app, _) = try harness.make()
        try await app.test(.router) { client in try await Self.revisions(client, log: harness.log) }
    }

    #if PostgreSQL
        @Test(.tags(.postgres), .needsPostgres)
        func resendCancellationAndAmendmentOnPostgreSQL() async throws {
            try await TestPostgres.withLog("revisions") { log in
                let (app, _) = try ServiceHarness(log: log).make()
                try await app.test(.router) { client in try await Self.revisions(client, log: log) }
            }
        }
    #endif
}
