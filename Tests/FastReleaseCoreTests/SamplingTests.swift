import FastReleaseCore
import FastReleaseTestSupport
import Foundation
import Testing

@Suite("Random selection")
struct SamplingTests {
    static let sampling = """
          lane: inspect-release
          rates: {red: 0, 1: 0.01, 2: 0.5, 3: 0.9, 4: 1, black: 1}
          seeds: {default: base-seed, "2026-11": november-seed}
        """

    func profile() throws -> CompiledProfile {
        try ProfileFixture.compile(
            ProfileFixture.profileYAML(
                rules: "  - {id: R, reason: r, weight: 1, when: {direction: import}}", sampling: Self.sampling))
    }

    @Test func theSameDeclarationProfileAndSeedAlwaysDrawTheSame() throws {
        let compiled = try profile()
        let declaration = DeclarationBuilder.make(id: "REPEAT-1")
        let first = Scorer(profile: compiled).score(declaration)
        let again = Scorer(profile: try profile()).score(declaration)
        #expect(first.sampling == again.sampling)
        #expect(first.lane == again.lane)
    }

    @Test func anAuditorCanRecomputeTheDrawFromTheSeed() throws {
        let decision = Scorer(profile: try profile()).score(DeclarationBuilder.make(id: "AUDIT-42"))
        #expect(decision.sampling.period == "2026-11")
        // sha256("november-seed|D1|AUDIT-42"), first 16 hex digits, >> 11, / 2^53.
        let hex = SHA256.hex(Array("november-seed|D1|AUDIT-42".utf8))
        let expected = Double(UInt64(hex.prefix(16), radix: 16)! >> 11) / 9_007_199_254_740_992
        #expect(decision.sampling.draw == expected)
        #expect(decision.sampling.drawn == (expected < 0.5))
        #expect(decision.sampling.creditClass == "2")
    }

    @Test func periodsWithoutTheirOwnSeedUseTheDefault() throws {
        let decision = Scorer(profile: try profile()).score(
            DeclarationBuilder.make { $0.declaredAt = CivilTime(iso: "2027-02-03") })
        #expect(decision.sampling.period == "default")
        let hex = SHA256.hex(Array("base-seed|D1|DECL-1".utf8))
        #expect(decision.sampling.draw == Double(UInt64(hex.prefix(16), radix: 16)! >> 11) / 9_007_199_254_740_992)
    }

    @Test func ratesFollowCreditClassAndDrawnDeclarationsGetTheSamplingLane() throws {
        let scorer = Scorer(profile: try profile())
        let alwaysDrawn = scorer.score(DeclarationBuilder.make { $0.parties[.seller] = Party(code: "E4") })
        #expect(alwaysDrawn.sampling.rate == 1)
        #expect(alwaysDrawn.sampling.drawn)
        #expect(alwaysDrawn.lane == .inspectRelease)
        #expect(alwaysDrawn.laneSource == .sampling)
        let neverDrawn = scorer.score(DeclarationBuilder.make { $0.parties[.seller] = Party(code: "RED") })
        #expect(neverDrawn.sampling.creditClass == "red")
        #expect(neverDrawn.sampling.rate == 0)
        #expect(!neverDrawn.sampling.drawn)
        #expect(neverDrawn.lane == .release)
    }

    @Test func drawsAreSpreadLikeTheRate() throws {
        let scorer = Scorer(profile: try profile())
        let drawn = (0..<2000).filter { number in
            scorer.score(DeclarationBuilder.make(id: "SPREAD-\(number)")).sampling.drawn
        }.count
        #expect((850...1150).contains(drawn), "class 2 is drawn at 50 %: \(drawn) of 2000")
    }
}
