import FastReleaseCore
import FastReleaseTestSupport
import Foundation
import Testing

@Suite("Expected rates and random examiners")
struct SelectionDeskTests {
    static let seeds = SamplingSeeds(["2026-11": "november-seed-0001"])

    static func profile(_ extra: String = "") throws -> CompiledProfile {
        try ProfileFixture.compile(
            ProfileFixture.profileYAML(
                rules: "  - {id: R, reason: r, weight: 1, when: {direction: import}}",
                sampling: """
                      lane: sample-release
                      rates: {1: 0, 2: 0, 3: 0, 4: 0}
                    \(ProfileFixture.commitments(seeds))
                    \(extra)
                    """),
            seeds: seeds)
    }

    static func inventory(_ number: Int, port: String = "3700") -> Declaration {
        DeclarationBuilder.make(id: "D-\(number)") {
            $0.format = "CEB621"
            $0.port = port
            $0.references = [
                NamedReference(name: "orderNo", value: "ORDER-\(number)"),
                NamedReference(name: "logisticsNo", value: "WAYBILL-\(number)"),
            ]
        }
    }

    static func roster(_ examiners: [String], lanes: Set<Lane> = [.document, .sampleRelease, .inspectRelease])
        -> [RosterShift]
    {
        examiners.map {
            RosterShift(
                port: "3700", examiner: $0, lanes: lanes, from: CivilTime(iso: "2026-11-15T00:00:00")!,
                until: CivilTime(iso: "2026-11-16T00:00:00")!)
        }
    }

    @Test func aPortBelowItsExpectedRateIsDrawnUpToItAndTheDecisionSaysSo() throws {
        let compiled = try Self.profile("  expected: {\"3700\": {inspect-release: 0.1}}\n  window: 500")
        let scorer = Scorer(profile: compiled)
        let desk = SelectionDesk(policy: compiled.source.sampling)
        var toppedUp: [Decision] = []
        for number in 0..<4000 {
            var decision = scorer.score(Self.inventory(number))
            #expect(decision.lane == .release, "nothing but the top-up raises these")
            desk.settle(&decision, roster: [])
            if decision.topUp != nil { toppedUp.append(decision) }
        }
        let rate = desk.rate(atLeast: .inspectRelease, port: "3700")
        #expect(abs(rate - 0.1) < 0.03, "the port runs at its expected rate: \(rate)")
        #expect((300...500).contains(toppedUp.count), "\(toppedUp.count) of 4000 drawn up")
        let first = try #require(toppedUp.first)
        #expect(first.lane == .inspectRelease && first.laneSource == .topUp)
        let topUp = try #require(first.topUp)
        #expect(topUp.expected == 0.1 && topUp.actual < 0.1 && topUp.draw < topUp.chance)
        #expect(topUp.draw == SamplingDrawer.draw(seed: "november-seed-0001", key: "top-up|" + first.sampling.key))
        // Another port with no expected rate of its own is left alone.
        var elsewhere = scorer.score(Self.inventory(9999, port: "5100"))
        desk.settle(&elsewhere, roster: [])
        #expect(elsewhere.topUp == nil && elsewhere.lane == .release)
    }

    @Test func theMinimumRandomRateIsAFloorUnderEveryClass() throws {
        let compiled = try Self.profile("  minimum_rate: 0.3")
        let decision = Scorer(profile: compiled).score(Self.inventory(1))
        #expect(decision.sampling.rate == 0.3)
    }

    @Test func examinersAreDrawnReproduciblyAmongThoseQualifiedAndKeptLevel() throws {
        let compiled = try Self.profile("  examiner_level: 0.2")
        let scorer = Scorer(profile: compiled)
        var roster = Self.roster(["EX-A", "EX-B", "EX-C", "EX-D", "EX-E"])
        roster.append(
            RosterShift(
                port: "3700", examiner: "EX-DOCS-ONLY", lanes: [.document],
                from: CivilTime(iso: "2026-11-15T00:00:00")!,
                until: CivilTime(iso: "2026-11-16T00:00:00")!))
        // A second shift of EX-B (any port) over the same hours: EX-B is still one of the qualified.
        roster.insert(
            RosterShift(
                port: "*", examiner: "EX-B", lanes: [.inspectRelease], from: CivilTime(iso: "2026-11-15T00:00:00")!,
                until: CivilTime(iso: "2026-11-16T00:00:00")!), at: 0)
        roster.append(
            RosterShift(
                port: "3700", examiner: "EX-OFF-SHIFT", lanes: [.inspectRelease],
                from: CivilTime(iso: "2026-11-16T00:00:00")!,
                until: CivilTime(iso: "2026-11-17T00:00:00")!))
        func run() -> [ExaminerAssignment] {
            let desk = SelectionDesk(policy: compiled.source.sampling)
            return (0..<1000).map { number in
                var decision = scorer.score(Self.inventory(number))
                decision.lane = .inspectRelease
                desk.settle(&decision, roster: roster)
                return decision.examiner!
            }
        }
        let assignments = run()
        #expect(assignments == run(), "the same seed and order draw the same examiners")
        var counts: [String: Int] = [:]
        for assignment in assignments { counts[assignment.examiner, default: 0] += 1 }
        #expect(Set(counts.keys) == ["EX-A", "EX-B", "EX-C", "EX-D", "EX-E"], "only the qualified on shift: \(counts)")
        let mean = 1000.0 / 5
        #expect(
            counts.values.allSatisfy { Double($0) <= 1.2 * mean }, "no one more than 20 % above the mean: \(counts)")
        #expect(Set(counts.values).count > 1, "the draw is random, not a rotation: \(counts)")
        let first = assignments[0]
        let key = scorer.score(Self.inventory(0)).sampling.key
        let draw = SamplingDrawer.draw(seed: "november-seed-0001", key: "examiner|" + key)
        #expect(first.draw == draw && first.examiner == first.eligible[Int(draw * Double(first.eligible.count))])
        #expect(first.day == "2026-11-15")
        #expect(
            assignments.allSatisfy {
                $0.eligible == $0.eligible.sorted() && Set($0.eligible).count == $0.eligible.count
            },
            "each examiner once, in order")
    }

    @Test func withNobodyQualifiedOnShiftTheDecisionSaysSo() throws {
        let compiled = try Self.profile()
        var decision = Scorer(profile: compiled).score(Self.inventory(1))
        decision.lane = .hold
        SelectionDesk(policy: compiled.source.sampling).settle(&decision, roster: Self.roster(["EX-A"]))
        #expect(decision.examiner?.examiner == "" && decision.examiner?.eligible == [])
    }

    @Test func theRosterIsReadWithEveryMistakeAtItsPlace() throws {
        let state = try ReferenceStateReader().read(files: [
            "examiners.csv":
                "port,examiner,lanes,from,until\n3700,EX-A,document;inspect-release,2026-11-15T08:00:00,2026-11-15T17:00:00\n"
        ])
        #expect(state.roster.count == 1 && state.roster[0].lanes == [.document, .inspectRelease])
        let error = try #require(throws: ReferenceStateError.self) {
            try ReferenceStateReader().read(files: [
                "examiners.csv":
                    "port,examiner,lanes,from,until\n3700,EX-A,release;nap,2026-11-15T08:00:00,2026-11-15T17:00:00\n3700,EX-B,hold,2026-11-15T17:00:00,2026-11-15T08:00:00\n"
            ])
        }
        let text = "\(error)"
        #expect(text.contains("examiners.csv:2:") && text.contains("found `release`"), "\(text)")
        #expect(text.contains("examiners.csv:3:") && text.contains("ends before it starts"), "\(text)")
    }
}
