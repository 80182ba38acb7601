import Configuration
import FastReleaseCore
import FastReleaseFiles
import FastReleaseStore
import FastReleaseTestSupport
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import InMemoryLogging
import Logging
import ServiceLifecycle
import Synchronization
import Testing

@testable import FastReleaseServer

/// Long-running parts are services that drain on shutdown; a client that goes away stops its
/// stream's work; one clock gives every part its time.
@Suite("Lifecycle", .tags(.load), .long, .timeLimit(.minutes(2)))
struct LifecycleTests {
    @Test func gracefulShutdownWaitsForEveryQueuedBatchThenRefusesNewOnes() async throws {
        let folder = try TemporaryDirectory()
        let log = SlowLog(try SQLiteDecisionLog(path: folder.url.appendingPathComponent("d.sqlite").path))
        let committer = GroupCommitter(log: log, maxBatchRows: 10)
        let group = ServiceGroup(services: [committer], logger: Logger(label: "test"))
        let prefix = uniqueID("DRAIN")
        let writtenWhenStopped = try await withThrowingTaskGroup(of: Int.self) { tasks in
            tasks.addTask {
                try await group.run()
                return try await log.count()
            }
            // 30 requests of 10 rows: three slow transactions at least.
            let written = try await withThrowingTaskGroup(of: Int.self) { requests in
                for request in 0..<30 {
                    requests.addTask {
                        try await committer.record((0..<10).map { decision("\(prefix)-\(request)-\($0)") }).count
                    }
                }
                try await Task.sleep(for: .milliseconds(50))
                await group.triggerGracefulShutdown()
                return try await requests.reduce(0, +)
            }
            #expect(written == 300, "every batch queued before shutdown is written")
            return try await tasks.next() ?? 0
        }
        #expect(writtenWhenStopped == 300, "the service ended only once all was written")
        await #expect(throws: GroupCommitter.Closed.self) { try await committer.record([decision("\(prefix)-late")]) }
    }

    @Test func backgroundWritesAreDrainedBeforeTheServiceEnds() async throws {
        let done = Atomic<Int>(0)
        let writes = BackgroundWrites { _ in }
        for _ in 0..<5 {
            writes.start {
                try await Task.sleep(for: .milliseconds(200))
                done.add(1, ordering: .relaxed)
            }
        }
        #expect(writes.inFlight == 5)
        await writes.drain()
        #expect(done.load(ordering: .relaxed) == 5)
        #expect(writes.inFlight == 0)
    }

    @Test func aClientThatGoesAwayStopsItsStream() async throws {
        let harness = try ServiceHarness(["stream.window": .init(.int(2), isSecret: false)])
        let (app, _) = try harness.make()
        let prefix = uniqueID("GONE")
        let total = 1000
        try await app.test(.live) { client in
            let stream = try RawHTTPStream(
                port: try #require(client.port), path: "/v1/declarations", headers: LiveStreamTests.headers,
                receiveBuffer: 4096)
            let sender = Thread {
                for number in 0..<total {
                    guard (try? stream.sendChunk(Array(cebMessage(inventory("\(prefix)-\(number)")).utf8))) != nil
                    else { return }
                }
            }
            sender.start()
            #expect(await stream.answers(timeout: 20) { $0.count >= 3 }.count >= 3)
            stream.abandon()
            var noticed = false
            for _ in 0..<100 where !noticed {
                try await Task.sleep(for: .milliseconds(100))
                noticed = harness.logs.entries.contains { $0.message.description == "stream client went away" }
            }
            #expect(noticed, "the service sees the client go away")
            // What was already being decided is recorded; then nothing more.
            try await Task.sleep(for: .seconds(2))
            let decided = try await harness.log.count()
            try await Task.sleep(for: .seconds(1))
            #expect(try await harness.log.count() == decided, "nothing more is decided for a client that left")
            #expect(decided < total)
        }
    }

    @Test func oneClockGivesEveryPartItsTime() async throws {
        let harness = try ServiceHarness()
        let (profile, _) = try ProfileFolder.load(harness.settings.profilePath)
        let clock = WallClock.fixed(milliseconds: 1_794_816_000_000)  // 2026-11-16, a period with its seed
        let (app, _) = ServiceApplication.make(
            settings: harness.settings, profile: LiveProfile(CompiledProfile(profile)), log: harness.log,
            logger: Logger(label: "test"), clock: clock)
        let id = uniqueID("CLOCK")
        try await app.test(.router) { client in
            let answer = try await client.checked(
                uri: "/v1/declarations", method: .post, headers: TestTokens.bearer(TestTokens.gateway),
                body: body(cebMessage(inventory(id))))
            #expect(answer.status == .ok)
            let inspection = try await client.checked(
                uri: "/v1/inspections", method: .post,
                headers: [.authorization: "Bearer \(TestTokens.inspector)", .contentType: "application/json"],
                body: body("{\"declaration\":\"\(id)\",\"conforming\":true}"))
            #expect(inspection.status == .created)
            #expect(try json(inspection.body)["inspected_at"] as? Int64 == 1_794_816_000_000)
        }
        let stored = try #require(try await harness.log.decisions(declarationID: id).first)
        #expect(stored.decidedAt == 1_794_816_000_000)
        #expect(try stored.decodedPayload().receivedMilliseconds == 1_794_816_000_000)
        #expect(try await harness.log.profileChanges(limit: 1).first?.changedAt == 1_794_816_000_000)
    }
}

/// A log whose batches take 100 ms, so that shutdown finds work queued.
private struct SlowLog: DecisionLog {
    let base: SQLiteDecisionLog
    init(_ base: SQLiteDecisionLog) { self.base = base }

    func record(_ batch: [StoredDecision]) async throws -> [RecordOutcome] {
        try await Task.sleep(for: .milliseconds(100))
        return try await base.record(batch)
    }
    func decisions(declarationID: String) async throws -> [StoredDecision] {
        try await base.decisions(declarationID: declarationID)
    }
    func decisions(reference: String) async throws -> [StoredDecision] {
        try await base.decisions(reference: reference)
    }
    func count() async throws -> Int { try await base.count() }
    func record(_ inspection: StoredInspection) async throws -> InspectionOutcome { try await base.record(inspection) }
    func inspections(declarationID: String) async throws -> [StoredInspection] {
        try await base.inspections(declarationID: declarationID)
    }
    func decisions(decidedFrom from: Int64, to: Int64, after: StoredDecision?, limit: Int) async throws
        -> [StoredDecision]
    { try await base.decisions(decidedFrom: from, to: to, after: after, limit: limit) }
    func inspections(after: String?, limit: Int) async throws -> [StoredInspection] {
        try await base.inspections(after: after, limit: limit)
    }
    func newestRevisions(decidedFrom from: Int64, to: Int64, after: PagePosition?, limit: Int) async throws
        -> [NewestRevision]
    { try await base.newestRevisions(decidedFrom: from, to: to, after: after, limit: limit) }
    func selectionRows(decidedFrom from: Int64, to: Int64, after: PagePosition?, limit: Int) async throws
        -> [SelectionRow]
    { try await base.selectionRows(decidedFrom: from, to: to, after: after, limit: limit) }
    func inspections(declarationIDs: [String]) async throws -> [StoredInspection] {
        try await base.inspections(declarationIDs: declarationIDs)
    }
    func ruleStatistics(from: Int64, limit: Int) async throws -> [RuleStatistic] {
        try await base.ruleStatistics(from: from, limit: limit)
    }
    func hourlyLaneCounts(from: Int64) async throws -> [LaneCount] { try await base.hourlyLaneCounts(from: from) }
    func record(shadow: [StoredShadowDecision]) async throws { try await base.record(shadow: shadow) }
    func shadowDifferences(version: String, limit: Int) async throws -> [StoredShadowDecision] {
        try await base.shadowDifferences(version: version, limit: limit)
    }
    func record(_ change: StoredProfileChange) async throws { try await base.record(change) }
    func profileChanges(limit: Int) async throws -> [StoredProfileChange] {
        try await base.profileChanges(limit: limit)
    }
    func profileChange(version: String) async throws -> StoredProfileChange? {
        try await base.profileChange(version: version)
    }
    func record(_ run: StoredShadowRun) async throws { try await base.record(run) }
    func stopShadowRuns(at time: Int64) async throws { try await base.stopShadowRuns(at: time) }
    func currentShadowRun() async throws -> StoredShadowRun? { try await base.currentShadowRun() }
    func shadowCounts(version: String, since: Int64) async throws -> [LanePairCount] {
        try await base.shadowCounts(version: version, since: since)
    }
    func record(_ proposal: StoredProfileProposal) async throws { try await base.record(proposal) }
    func proposals(limit: Int) async throws -> [StoredProfileProposal] { try await base.proposals(limit: limit) }
    func proposal(id: String) async throws -> StoredProfileProposal? { try await base.proposal(id: id) }
    func update(_ proposal: StoredProfileProposal, readWithApprovals approvals: String) async throws -> Bool {
        try await base.update(proposal, readWithApprovals: approvals)
    }
    func record(_ change: StoredStateChange, lots: [String: LotSetting]) async throws -> Int64 {
        try await base.record(change, lots: lots)
    }
    func stateChanges(after sequence: Int64, limit: Int) async throws -> [StoredStateChange] {
        try await base.stateChanges(after: sequence, limit: limit)
    }
    func lotWrittenOff() async throws -> [String: Int64] { try await base.lotWrittenOff() }
    func ping() async throws { try await base.ping() }
}

/// A stored decision for `id`.
private func decision(_ id: String) -> StoredDecision {
    StoredDecision(
        key: DecisionKey(declarant: "D1", declarationID: id), messageID: "M", lane: .decided(.release),
        profileVersion: "test@1", decidedAt: 1, payload: "{}")
}
