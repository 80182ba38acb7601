import FastReleaseCore
import FastReleaseStore
import FastReleaseTestSupport
import Foundation
import GRDB
import Testing

/// A made-up window of traffic: decisions with revisions and rule hits, and inspections, beside
/// what a direct count over them gives. Times start at `base`, far from other tests' decisions,
/// so that tests sharing a PostgreSQL database see only their own in their windows.
private struct Traffic {
    let base: Int64
    let declarant: String
    var decisions: [StoredDecision] = []
    var inspections: [StoredInspection] = []
    /// For each inspected declaration id (all are of one declarant), whether any inspection found it nonconforming.
    private var outcomes: [String: Bool] = [:]

    init(declarations: Int, seed: UInt64, base: Int64, spacing: Int64 = 10) {
        var random = SeededRandom(seed)
        self.base = base
        declarant = "W\(seed)"
        for number in 0..<declarations {
            let id = "DECL\(number)"
            let decidedAt = base + Int64(number) * spacing
            decisions.append(make(id, revision: "", at: decidedAt, &random))
            // One in ten is amended, some of them after the window used by the tests below.
            if number % 10 == 3 {
                let later = decidedAt + Int64(random.next(below: 40_000)) * 10
                decisions.append(make(id, revision: "AMEND1", at: later, &random))
            }
            if number % 7 == 1 {
                for inspection in 0..<(1 + number % 3) {
                    inspections.append(
                        StoredInspection(
                            inspectionID: "\(declarant)-\(id)-I\(inspection)",
                            decision: DecisionKey(declarant: declarant, declarationID: id),
                            conforming: random.next(below: 4) != 0, inspectedAt: decidedAt + 60_000,
                            recordedBy: "inspector", payload: "{}"))
                }
            }
        }
        for inspection in inspections {
            outcomes[inspection.decision.declarationID, default: false] =
                outcomes[inspection.decision.declarationID, default: false] || !inspection.conforming
        }
    }

    private func make(_ id: String, revision: String, at decidedAt: Int64, _ random: inout SeededRandom)
        -> StoredDecision
    {
        let rules = (0..<random.next(below: 4)).map { _ in "R\(random.next(below: 40))" }
        return StoredDecision(
            key: DecisionKey(declarant: declarant, declarationID: id, revision: revision), messageID: "M-\(id)",
            lane: .decided(rules.isEmpty ? .release : .document), profileVersion: "test@000000000000",
            decidedAt: decidedAt,
            payload:
                "{\"declaration\":\"\(id)\",\"hits\":[\(rules.map { "{\"rule\":\"\($0)\"}" }.joined(separator: ","))]}",
            function: revision.isEmpty ? .original : .amendment, ruleHits: rules)
    }

    func record(in log: any DecisionLog) async throws {
        for start in stride(from: 0, to: decisions.count, by: 1000) {
            _ = try await log.record(Array(decisions[start..<min(decisions.count, start + 1000)]))
        }
        for inspection in inspections { _ = try await log.record(inspection) }
    }

    /// Whether any inspection found the declaration nonconforming; `nil` without any.
    func nonconforming(_ key: DecisionKey) -> Bool? {
        outcomes[key.declarationID]
    }

    /// Each rule's statistic on the decisions made from `from`, counted directly, most hits first.
    func ruleStatistics(from: Int64) -> [RuleStatistic] {
        var counted: [String: RuleStatistic] = [:]
        for decision in decisions where decision.decidedAt >= from {
            let outcome = nonconforming(decision.key)
            for rule in decision.ruleHits ?? [] {
                var statistic = counted[rule] ?? RuleStatistic(rule: rule, hits: 0, withResults: 0, nonconforming: 0)
                statistic.hits += 1
                if let outcome {
                    statistic.withResults += 1
                    if outcome { statistic.nonconforming += 1 }
                }
                counted[rule] = statistic
            }
        }
        return counted.values.sorted { $0.hits > $1.hits || ($0.hits == $1.hits && $0.rule < $1.rule) }
    }

    /// The newest revision of each declaration decided in `[from, to)`, in the order first decided,
    /// collected in memory as the report did before the log chose them.
    func newestRevisions(from: Int64, to: Int64) -> [(StoredDecision, Bool?)] {
        let window = decisions.filter { $0.decidedAt >= from && $0.decidedAt < to }.sorted {
            ($0.decidedAt, $0.key.declarationID, $0.key.revision) < (
                $1.decidedAt, $1.key.declarationID, $1.key.revision
            )
        }
        var newest: [String: StoredDecision] = [:]
        var order: [String] = []
        for decision in window {
            if newest.updateValue(decision, forKey: decision.key.declarationKey) == nil {
                order.append(decision.key.declarationKey)
            }
        }
        return order.map { (newest[$0]!, nonconforming(newest[$0]!.key)) }
    }
}

/// A small reproducible generator (SplitMix64).
private struct SeededRandom {
    var state: UInt64
    init(_ seed: UInt64) { state = seed }
    mutating func next(below bound: Int) -> Int {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return Int((z ^ (z >> 31)) % UInt64(bound))
    }
}

@Suite("Figures over a whole window, counted in the log", .timeLimit(.minutes(5)))
struct WholeWindowTests {
    @Test(arguments: Backend.available)
    func laneAndRuleCountsCoverEveryDecisionOfTheWindowNotTheFirst20000(_ backend: Backend) async throws {
        // After every other test's decisions, so that its window holds only its own; a second
        // apart, so that the traffic spans more than six hours.
        let hour: Int64 = 3_600_000
        let traffic = Traffic(declarations: 24_000, seed: 11, base: 11_111_112 * hour, spacing: 1000)
        // The window starts at the start of the hour that holds `since`: the first two hours are before it.
        let since = traffic.base + 2 * hour + 1_800_000
        let direct = traffic.ruleStatistics(from: traffic.base + 2 * hour)
        #expect(direct.reduce(0) { $0 + $1.hits } > 20_000, "more hits than the dashboard used to read")
        #expect(traffic.ruleStatistics(from: 0) != direct, "the window leaves decisions out")
        #expect(direct.contains { $0.nonconforming > 0 } && direct.contains { $0.withResults > $0.nonconforming })
        try await backend.withLog { log in
            try await traffic.record(in: log)
            let counted = try await log.ruleStatistics(from: since, limit: 1000)
            #expect(counted == direct)
            #expect(try await log.ruleStatistics(from: since, limit: 15) == Array(direct.prefix(15)))
            var lanes: [LaneCount] = []
            for decision in traffic.decisions where decision.decidedAt >= traffic.base + 2 * hour {
                let bucket = decision.decidedAt / hour * hour
                if let index = lanes.firstIndex(where: { $0.bucketStart == bucket && $0.lane == decision.lane }) {
                    lanes[index].count += 1
                } else {
                    lanes.append(LaneCount(bucketStart: bucket, lane: decision.lane, count: 1))
                }
            }
            lanes.sort { ($0.bucketStart, $0.lane.name) < ($1.bucketStart, $1.lane.name) }
            #expect(try await log.hourlyLaneCounts(from: since) == lanes)
        }
    }

    @Test(arguments: Backend.available)
    func newestRevisionsAreChosenInTheLogPageByPageAsTheyWereInMemory(_ backend: Backend) async throws {
        let traffic = Traffic(declarations: 5_000, seed: 12, base: 20_000_000_000_000)
        // A window that cuts amendments off at both ends: some originals before it, some amendments after.
        let from = traffic.base + 5_000
        let to = traffic.base + 45_000
        let direct = traffic.newestRevisions(from: from, to: to)
        #expect(direct.count > 2 * 2000, "more than two pages")
        #expect(direct.contains { $0.0.key.revision == "AMEND1" } && direct.contains { $0.1 == true })
        try await backend.withLog { log in
            try await traffic.record(in: log)
            var paged: [NewestRevision] = []
            var pages = 0
            for try await page in log.newestRevisionPages(decidedFrom: from, to: to) {
                #expect(page.count <= 2000)
                paged += page
                pages += 1
            }
            #expect(pages == 3)
            #expect(paged.map(\.decision) == direct.map(\.0))
            #expect(paged.map(\.nonconforming) == direct.map(\.1))
        }
    }

    @Test(arguments: Backend.available)
    func theInspectionsOfAPageAreReadForItsDeclarationsOnly(_ backend: Backend) async throws {
        let traffic = Traffic(declarations: 300, seed: 13, base: 21_000_000_000_000)
        try await backend.withLog { log in
            try await traffic.record(in: log)
            let page = Array(traffic.decisions.prefix(50))
            let found = try await log.inspections(of: page)
            let expected = Dictionary(
                grouping: traffic.inspections.filter { inspection in
                    page.contains { $0.key.declarationKey == inspection.decision.declarationKey }
                }, by: \.decision.declarationKey)
            #expect(
                found.mapValues { $0.map(\.inspectionID).sorted() }
                    == expected.mapValues { $0.map(\.inspectionID).sorted() })
            #expect(!found.isEmpty)
        }
    }

    @Test func aLogKeptBeforeRuleHitsGetsThemFromItsDecisionsPayloads() async throws {
        let folder = try TemporaryDirectory()
        let path = folder.url.appendingPathComponent("decisions.sqlite").path
        let hits = "[{\"rule\":\"A\",\"weight\":1},{\"rule\":\"B\",\"weight\":2}]"
        let old = [
            StoredDecision(
                key: DecisionKey(declarant: "D", declarationID: "1"), messageID: "M", lane: .decided(.document),
                profileVersion: "v", decidedAt: 1000, payload: "{\"declaration\":\"1\",\"hits\":\(hits)}", ruleHits: []),
            StoredDecision(
                key: DecisionKey(declarant: "D", declarationID: "2"), messageID: "M", lane: .decided(.release),
                profileVersion: "v", decidedAt: 2000, payload: "{\"declaration\":\"2\",\"hits\":[]}", ruleHits: []),
            StoredDecision(
                key: DecisionKey(declarant: "D", declarationID: "3"), messageID: "M", lane: .withdrawn,
                profileVersion: "v", decidedAt: 3000, payload: "{\"declaration\":\"3\"}", ruleHits: []),
        ]
        _ = try await SQLiteDecisionLog(path: path).record(old)
        #expect(try await SQLiteDecisionLog(path: path).ruleStatistics(from: 0, limit: 10).isEmpty)
        // Back to schema version 8, as a log written by the release before this one.
        let queue = try DatabaseQueue(path: path)
        try await queue.write { db in
            try db.execute(sql: "DROP TABLE hourly_counts")
            try db.execute(sql: "DELETE FROM grdb_migrations WHERE identifier = 'decisions-v9-hourly-counts'")
        }
        try queue.close()
        let upgraded = try SQLiteDecisionLog(path: path)
        #expect(
            try await upgraded.hourlyLaneCounts(from: 0) == [
                LaneCount(bucketStart: 0, lane: .decided(.document), count: 1),
                LaneCount(bucketStart: 0, lane: .decided(.release), count: 1),
                LaneCount(bucketStart: 0, lane: .withdrawn, count: 1),
            ])
        #expect(
            try await upgraded.ruleStatistics(from: 0, limit: 10) == [
                RuleStatistic(rule: "A", hits: 1, withResults: 0, nonconforming: 0),
                RuleStatistic(rule: "B", hits: 1, withResults: 0, nonconforming: 0),
            ])
    }

    @Test(arguments: Backend.available)
    func aDecisionWithoutRuleIDsHasThemReadFromItsPayload(_ backend: Backend) async throws {
        let rules = """
              - {id: IMPORTS, reason: imports, weight: 5, when: {direction: import}}
              - {id: FROM-JAPAN, reason: from Japan, weight: 5, when: {item.country.origin: JP}}

            """
        let decided = Scorer(profile: try ProfileFixture.compile(rules: rules)).score(DeclarationBuilder.make())
        #expect(decided.hits.count == 2)
        let payload = try DecisionPayload(decided).encoded()
        let since: Int64 = 30_000_000_000_000  // before the first test's traffic only, whose rules are R…
        let stored = StoredDecision(
            key: DecisionKey(declarant: uniqueID("P"), declarationID: "1"), messageID: "M",
            lane: .decided(decided.lane),
            profileVersion: decided.profileVersion, decidedAt: since, payload: payload)
        #expect(stored.ruleHits == nil)
        try await backend.withLog { log in
            _ = try await log.record([stored])
            let counted = try await log.ruleStatistics(from: since, limit: 100)
            #expect(
                counted.filter { !$0.rule.hasPrefix("R") }.sorted { $0.rule < $1.rule } == [
                    RuleStatistic(rule: "FROM-JAPAN", hits: 1, withResults: 0, nonconforming: 0),
                    RuleStatistic(rule: "IMPORTS", hits: 1, withResults: 0, nonconforming: 0),
                ])
        }
    }
}

@Suite("What the selection desk reads back")
struct SelectionRowTests {
    @Test(arguments: Backend.available)
    func theLogExtractsPortTopUpAndExaminerFromEachDecisionsJSON(_ backend: Backend) async throws {
        let declarant = uniqueID("SEL")
        let at: Int64 = 10_000_000_000_000 + Int64.random(in: 0..<1_000_000_000)
        func stored(_ id: String, lane: RecordedLane, payload: String, declaration: String, offset: Int64)
            -> StoredDecision
        {
            StoredDecision(
                key: DecisionKey(declarant: declarant, declarationID: id), messageID: "M", lane: lane,
                profileVersion: "v", decidedAt: at + offset, payload: payload,
                function: lane == .withdrawn ? .cancellation : .original, declaration: declaration, ruleHits: [])
        }
        let decisions = [
            stored(
                "1", lane: .decided(.sampleRelease),
                payload:
                    #"{"lane":"sample-release","top_up":{"lane":"sample-release","expected":0.1},"examiner":{"examiner":"EX-7","draw":0.5,"eligible":["EX-7"],"day":"2026-11-11"}}"#,
                declaration: #"{"port":"3105","id":"1"}"#, offset: 0),
            stored(
                "2", lane: .decided(.release), payload: #"{"lane":"release"}"#, declaration: #"{"port":"2900"}"#,
                offset: 1),
            stored("3", lane: .decided(.document), payload: #"{"lane":"document"}"#, declaration: "", offset: 2),
            stored("4", lane: .withdrawn, payload: #"{"lane":"withdrawn"}"#, declaration: "", offset: 3),
        ]
        try await backend.withLog { log in
            _ = try await log.record(decisions)
            var rows: [SelectionRow] = []
            for try await page in log.selectionPages(decidedFrom: at, to: at + 10) { rows += page }
            let expected = [
                SelectionRow(
                    position: PagePosition(decidedAt: at, key: decisions[0].key), lane: .decided(.sampleRelease),
                    port: "3105", toppedUp: true, examiner: ("EX-7", "2026-11-11")),
                SelectionRow(
                    position: PagePosition(decidedAt: at + 1, key: decisions[1].key), lane: .decided(.release),
                    port: "2900", toppedUp: false, examiner: nil),
                SelectionRow(
                    position: PagePosition(decidedAt: at + 2, key: decisions[2].key), lane: .decided(.document),
                    port: "", toppedUp: false, examiner: nil),
                SelectionRow(
                    position: PagePosition(decidedAt: at + 3, key: decisions[3].key), lane: .withdrawn, port: "",
                    toppedUp: false, examiner: nil),
            ]
            #expect(rows == expected)
        }
    }
}
