import FastReleaseCore
import FastReleaseTestSupport
import Foundation
import Testing

/// The compiled profile must not scan every rule: counting rule evaluations (not time),
/// ten times the rules must cost far less than ten times as much.
@Suite("Compiled indexes")
struct IndexCostTests {
    /// `count` rules of the kinds real profiles hold: HS prefixes, countries, enterprises,
    /// trade modes and documents, each anchored differently.
    static func rules(_ count: Int) -> String {
        (0..<count).map { number in
            let hs = String(format: "%04d", 100 + (number * 37) % 9700)
            switch number % 5 {
            case 0: return "  - {id: HS\(number), reason: r, weight: 1, when: {item.hs: [\"\(hs)\"]}}"
            case 1:
                return
                    "  - {id: HSC\(number), reason: r, weight: 1, when: {item.hs: [\"\(hs)\"], item.country.origin: {not_in: [JP]}}}"
            case 2: return "  - {id: ENT\(number), reason: r, weight: 1, when: {enterprise.code: \"X\(number)\"}}"
            case 3: return "  - {id: MODE\(number), reason: r, weight: 1, when: {procedure: \"P\(number)\"}}"
            default:
                return
                    "  - {id: DOC\(number), reason: r, weight: 1, when: {documents: {has: [\"D\(number)\"]}, item.hs: [\"\(hs)\"]}}"
            }
        }.joined(separator: "\n")
    }

    func evaluations(ruleCount: Int) throws -> (perDeclaration: Double, fired: Int) {
        let profile = try ProfileFixture.compile(rules: Self.rules(ruleCount))
        #expect(profile.ruleCount == ruleCount)
        #expect(profile.unanchoredRuleCount == 0)
        let scorer = Scorer(profile: profile)
        for number in 0..<200 {
            _ = scorer.score(
                DeclarationBuilder.make(id: "D\(number)") {
                    $0.items = (0..<3).map {
                        DeclarationBuilder.item(
                            line: $0 + 1, hs: String(format: "%04d", 100 + (number * 53 + $0 * 11) % 9700) + "000000")
                    }
                })
        }
        return (Double(scorer.statistics.rulesEvaluated) / 200, scorer.statistics.rulesFired)
    }

    @Test func tenTimesTheRulesCostsFarLessThanTenTimesAsMuch() throws {
        let small = try evaluations(ruleCount: 500)
        let large = try evaluations(ruleCount: 5000)
        #expect(small.perDeclaration < 10, "500 rules: \(small.perDeclaration) evaluations per declaration")
        #expect(
            large.perDeclaration < small.perDeclaration * 3 + 1,
            "5,000 rules: \(large.perDeclaration) vs \(small.perDeclaration)")
        #expect(large.perDeclaration < 5000 / 100, "a declaration must not visit every rule")
        #expect(large.fired > 0, "the test declarations do hit some rules")
    }

    @Test func rulesWithoutAnchorsAreEvaluatedForEveryDeclaration() throws {
        let profile = try ProfileFixture.compile(
            rules: """
                  - {id: TEXT, reason: r, weight: 1, when: {item.description: [lamp]}}
                  - {id: HS, reason: r, weight: 1, when: {item.hs: ["01"]}}
                """)
        #expect(profile.unanchoredRuleCount == 1)
        let scorer = Scorer(profile: profile)
        _ = scorer.score(DeclarationBuilder.make())
        #expect(scorer.statistics.rulesEvaluated == 1)
        #expect(scorer.statistics.rulesFired == 1)
    }

    @Test func hsRangesAreCoveredExactly() throws {
        let profile = try ProfileFixture.compile(
            rules: "  - {id: R, reason: r, weight: 1, when: {item.hs: {range: [\"6101\", \"6117\"]}}}")
        let scorer = Scorer(profile: profile)
        for (code, fires) in [
            ("6100", false), ("6101", true), ("6109", true), ("6110", true), ("6117", true), ("6118", false),
            ("62", false),
        ] {
            let decision = scorer.score(DeclarationBuilder.make { $0.items[0].hs = HSCode(code + "000000") })
            #expect(decision.hits.isEmpty != fires, "\(code)")
        }
    }
}
