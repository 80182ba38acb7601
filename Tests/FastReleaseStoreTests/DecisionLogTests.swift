import FastReleaseCore
import FastReleaseStore
import FastReleaseTestSupport
import Foundation
import Logging
import Synchronization
import Testing

/// The decision logs under test: the same tests run against each.
enum Backend: String, CaseIterable, CustomTestStringConvertible {
    case sqlite, postgres

    var testDescription: String { rawValue }

    /// Opens a log of this kind, runs `body`, and closes it.
    func withLog<T: Sendable>(_ body: @Sendable (any DecisionLog) async throws -> T) async throws -> T {
        switch self {
        case .sqlite:
            let folder = try TemporaryDirectory()
            let log = try SQLiteDecisionLog(path: folder.url.appendingPathComponent("decisions.sqlite").path)
            return try await body(log)
        case .postgres:
            #if PostgreSQL
                let settings = try #require(TestPostgres.settings, "run the tests with scripts/with-postgres.sh")
                return try await withPostgresLog(settings, body)
            #else
                throw BuildWithoutPostgreSQL()
            #endif
        }
    }

    static var available: [Backend] { TestPostgres.isAvailable && !TestScope.isFast ? allCases : [.sqlite] }
}

#if PostgreSQL
    /// Runs `body` with a running PostgreSQL decision log on the test server.
    func withPostgresLog<T: Sendable>(
        _ settings: (host: String, port: Int, user: String, database: String),
        _ body: @Sendable (PostgresDecisionLog) async throws -> T
    ) async throws -> T {
        try await PostgresDecisionLog.withRunningLog(
            .init(host: settings.host, port: settings.port, username: settings.user, database: settings.database),
            logger: Logger(label: "test.postgres"), body)
    }
#else
    /// A PostgreSQL log asked of a build without the `PostgreSQL` trait.
    struct BuildWithoutPostgreSQL: Error {}
#endif

/// A decision with a key unique to this test run; `sender` marks which request sent it.
func decision(
    _ id: String, declarant: String = "D1", lane: Lane = .release, sender: String = "", payload: String? = nil
) -> StoredDecision {
    StoredDecision(
        key: DecisionKey(declarant: declarant, declarationID: id), messageID: "M-\(id)\(sender)", lane: .decided(lane),
        profileVersion: "test@000000000000", decidedAt: 1_763_856_000_000,
        payload: payload ?? "{\"declaration\":\"\(id)\"}")
}

func uniqueID(_ name: String) -> String { "\(name)-\(UUID().uuidString.prefix(8))" }

@Suite("Decision log")
struct DecisionLogTests {
    @Test(arguments: Backend.available)
    func aDecisionIsRecordedOnceAndReplayedAfter(_ backend: Backend) async throws {
        try await backend.withLog { log in
            let id = uniqueID("ONCE")
            let first = try await log.record([decision(id, lane: .hold)])
            #expect(first == [.recorded(decision(id, lane: .hold))])
            let again = try await log.record([decision(id, lane: .release, payload: "{\"second\":true}")])
            #expect(
                again == [.replayed(decision(id, lane: .hold))], "the original decision comes back, not a second one")
            #expect(try await log.decisions(declarationID: id) == [decision(id, lane: .hold)])
        }
    }

    @Test(arguments: Backend.available)
    func theSameIdFromAnotherDeclarantIsAnotherDeclaration(_ backend: Backend) async throws {
        try await backend.withLog { log in
            let id = uniqueID("SHARED")
            let outcomes = try await log.record([decision(id, declarant: "A"), decision(id, declarant: "B")])
            #expect(outcomes.allSatisfy { !$0.isReplay })
            #expect(try await log.decisions(declarationID: id).map(\.key.declarant) == ["A", "B"])
        }
    }

    @Test(arguments: Backend.available)
    func duplicatesInsideOneBatchKeepTheFirst(_ backend: Backend) async throws {
        try await backend.withLog { log in
            let id = uniqueID("DUP")
            let outcomes = try await log.record([
                decision(id, lane: .document), decision(uniqueID("OTHER")), decision(id, lane: .hold),
            ])
            #expect(outcomes.map(\.isReplay) == [false, false, true])
            #expect(outcomes[2].decision.lane == .decided(.document))
            #expect(try await log.decisions(declarationID: id).count == 1)
        }
    }

    @Test(arguments: Backend.available)
    func concurrentRequestsShareTransactionsAndEachKeyGetsOneDecision(_ backend: Backend) async throws {
        try await backend.withLog { log in
            let transactions = Counter()
            let committer = GroupCommitter(log: log) { _, _, _ in transactions.increment() }
            let prefix = uniqueID("CONC")
            let outcomes = try await withThrowingTaskGroup(of: [RecordOutcome].self) { group in
                for request in 0..<200 {
                    group.addTask {
                        // Every key is sent by two requests.
                        try await committer.record(
                            (0..<5).map { decision("\(prefix)-\((request % 100) * 5 + $0)", sender: "r\(request)") })
                    }
                }
                return try await group.reduce(into: []) { $0 += $1 }
            }
            #expect(outcomes.count == 1000)
            #expect(outcomes.filter { !$0.isReplay }.count == 500)
            var answered: [DecisionKey: String] = [:]
            for outcome in outcomes {
                let sender = outcome.decision.messageID
                #expect(
                    answered[outcome.decision.key, default: sender] == sender,
                    "both requests of a key get the same decision")
                answered[outcome.decision.key] = sender
            }
            #expect(transactions.value < 200, "\(transactions.value) transactions for 200 requests")
        }
    }

    @Test func sqliteDecisionsSurviveReopening() async throws {
        let folder = try TemporaryDirectory()
        let path = folder.url.appendingPathComponent("decisions.sqlite").path
        let id = uniqueID("KEEP")
        _ = try await SQLiteDecisionLog(path: path).record([decision(id)])
        let reopened = try SQLiteDecisionLog(path: path)
        #expect(try await reopened.count() == 1)
        #expect(try await reopened.record([decision(id, lane: .hold)]).first?.isReplay == true)
    }

    @Test func anUnopenableSQLitePathSaysSo() throws {
        let error = try #require(throws: DecisionLogError.self) {
            try SQLiteDecisionLog(path: "/nonexistent/folder/decisions.sqlite")
        }
        #expect(error.description.contains("/nonexistent/folder/decisions.sqlite"))
    }

    #if PostgreSQL
        @Test(.tags(.postgres), .needsPostgres)
        func twoInstancesOnOnePostgresGiveEachDeclarationOneDecision() async throws {
            let settings = try #require(TestPostgres.settings)
            let prefix = uniqueID("TWO")
            let keys = (0..<300).map { "\(prefix)-\($0)" }
            try await withPostgresLog(settings) { first in
                try await withPostgresLog(settings) { second in
                    let results = try await withThrowingTaskGroup(of: [RecordOutcome].self) { group in
                        for (instance, log) in [(1, first), (2, second)] as [(Int, PostgresDecisionLog)] {
                            let committer = GroupCommitter(log: log, maxBatchRows: 50)
                            for chunk in stride(from: 0, to: keys.count, by: 10) {
                                group.addTask {
                                    try await committer.record(
                                        keys[chunk..<(chunk + 10)].map { decision($0, sender: "instance-\(instance)") })
                                }
                            }
                        }
                        return try await group.reduce(into: []) { $0 += $1 }
                    }
                    #expect(results.filter { !$0.isReplay }.count == keys.count, "each key recorded exactly once")
                    let answers = Dictionary(grouping: results, by: \.decision.key.declarationID).mapValues {
                        Set($0.map(\.decision.messageID))
                    }
                    #expect(answers.values.allSatisfy { $0.count == 1 }, "both instances answer the same decision")
                    for key in keys.prefix(20) { #expect(try await first.decisions(declarationID: key).count == 1) }
                }
            }
        }
    #endif
}

/// A thread-safe counter for tests.
final class Counter: Sendable {
    private let storage = Mutex(0)
    func increment() { storage.withLock { $0 += 1 } }
    var value: Int { storage.withLock { $0 } }
}
