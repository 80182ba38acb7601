import FastReleaseCore
import FastReleaseTestSupport
import Testing

@Suite("Lanes, forced lanes and validity windows")
struct LaneAndWindowTests {
    static let rules = """
          - {id: W10, reason: ten, weight: 10, when: {direction: import}}
          - {id: W15, reason: fifteen, weight: 15, when: {item.hs: ["85"]}}
          - {id: FACILITATION, reason: trusted, weight: -30, when: {enterprise.list: red}}
          - {id: FORCE-INSPECT, reason: black list, weight: 0, lane: inspect-release, when: {enterprise.list: black}}
          - {id: FORCE-DOC, reason: class 4, weight: 5, lane: document, when: {enterprise.class: 4}}
          - {id: LAB, reason: lab, weight: 0, lab_tests: [azo-dyes, free-formaldehyde], when: {item.hs: ["61"]}}
          - {id: LAB2, reason: lab again, weight: 0, lab_tests: [azo-dyes], lane: hold, when: {item.description: [silk]}}
        """

    @Test(
        "threshold lanes by score",
        arguments: [
            (0, Lane.release), (19, .release), (20, .document), (39, .document), (40, .sampleRelease),
            (60, .inspectRelease), (95, .hold),
        ])
    func thresholds(score: Int, lane: Lane) throws {
        let profile = try ProfileFixture.compile(
            rules: "  - {id: S, reason: s, weight: \(score), when: {direction: import}}")
        let decision = Scorer(profile: profile).score(DeclarationBuilder.make())
        #expect(decision.score == score)
        #expect(decision.lane == lane)
    }

    @Test func lanesAreOrderedByStrength() {
        #expect(Lane.allCases == [.release, .document, .sampleRelease, .inspectRelease, .hold])
        #expect(Lane.allCases.map(\.name) == ["release", "document", "sample-release", "inspect-release", "hold"])
        #expect(Lane.allCases.sorted() == Lane.allCases)
    }

    @Test func weightsAddUpAndFacilitationSubtracts() throws {
        let profile = try ProfileFixture.compile(rules: Self.rules)
        let scorer = Scorer(profile: profile)
        let plain = scorer.score(DeclarationBuilder.make())
        #expect(plain.score == 25)
        #expect(plain.lane == .document)
        #expect(plain.laneSource == .threshold(score: 25))
        let trusted = scorer.score(DeclarationBuilder.make { $0.parties[.seller] = Party(code: "RED") })
        #expect(trusted.score == -5)
        #expect(trusted.lane == .release)
        #expect(trusted.hits.map(\.ruleID) == ["W10", "W15", "FACILITATION"])
    }

    @Test func forcedLaneBeatsALowScoreAndTheStrongestWins() throws {
        let scorer = Scorer(profile: try ProfileFixture.compile(rules: Self.rules))
        let black = scorer.score(DeclarationBuilder.make { $0.parties[.seller] = Party(code: "BLACK") })
        #expect(black.score == 30, "10 + 15 + 5 (class 4) + 0")
        #expect(black.lane == .inspectRelease, "black list forces at least physical inspection")
        #expect(black.laneSource == .rule("FORCE-INSPECT"))
        let both = scorer.score(
            DeclarationBuilder.make {
                $0.parties[.seller] = Party(code: "BLACK")
                $0.items[0].description = "silk scarf"
            })
        #expect(both.lane == .hold)
        #expect(both.laneSource == .rule("LAB2"))
    }

    @Test func labTestsAreMergedSortedAndImplySampling() throws {
        let scorer = Scorer(profile: try ProfileFixture.compile(rules: Self.rules))
        let decision = scorer.score(
            DeclarationBuilder.make {
                $0.items = [DeclarationBuilder.item(line: 1, hs: "6109100000", description: "silk shirt")]
            })
        #expect(decision.labTests == ["azo-dyes", "free-formaldehyde"])
        #expect(
            decision.hits.first { $0.ruleID == "LAB" }?.lane == .sampleRelease,
            "lab tests without a lane mean sample-release")
    }

    @Test(
        "validity window",
        arguments: [
            ("2026-10-31T23:59:59", false), ("2026-11-01T00:00:00", true), ("2026-11-30T23:59:59", true),
            ("2026-12-01T00:00:00", false),
        ])
    func validityWindow(declaredAt: String, fires: Bool) throws {
        let profile = try ProfileFixture.compile(
            rules: """
                  - id: ALERT
                    kind: alert
                    reason: notice
                    weight: 30
                    when: {direction: import}
                    valid: {from: 2026-11-01, until: 2026-11-30, review: 2026-11-20}
                """)
        let decision = Scorer(profile: profile).score(
            DeclarationBuilder.make { $0.declaredAt = CivilTime(iso: declaredAt) })
        #expect(decision.hits.map(\.ruleID) == (fires ? ["ALERT"] : []))
        #expect(decision.asOf.description == declaredAt)
    }

    @Test func undatedDeclarationsAreJudgedAtTheReceivedTime() throws {
        let profile = try ProfileFixture.compile(
            rules: """
                  - {id: A, kind: campaign, reason: c, weight: 5, when: {direction: import}, valid: {from: 2026-01-01, until: 2026-12-31}}
                """)
        let scorer = Scorer(profile: profile)
        let undated = DeclarationBuilder.make { $0.declaredAt = nil }
        #expect(scorer.score(undated, receivedAt: CivilTime(iso: "2026-06-01")).hits.count == 1)
        #expect(scorer.score(undated, receivedAt: CivilTime(iso: "2027-01-01")).hits.isEmpty)
    }

    @Test func alertsWithoutAnEndAreRefused() throws {
        let yaml = ProfileFixture.profileYAML(
            rules: "  - {id: A, kind: alert, reason: r, weight: 1, when: {direction: import}}")
        let error = try #require(throws: ProfileError.self) { try ProfileFixture.compile(yaml) }
        #expect(error.description.contains("alert A has no end"))
    }
}
