import FastReleaseCore
import FastReleaseTestSupport
import Foundation
import Testing

@Suite("Random selection")
struct SamplingTests {
    static let seeds = SamplingSeeds(["2026-11": "november-seed-0001", "2026-12": "december-seed-0001"])

    static var sampling: String {
        """
          lane: inspect-release
          rates: {red: 0, 1: 0.01, 2: 0.5, 3: 0.9, 4: 1, black: 1}
        \(ProfileFixture.commitments(seeds))
        """
    }

    func profile(seeds: SamplingSeeds = Self.seeds) throws -> CompiledProfile {
        try ProfileFixture.compile(
            ProfileFixture.profileYAML(
                rules: "  - {id: R, reason: r, weight: 1, when: {direction: import}}", sampling: Self.sampling),
            seeds: seeds)
    }

    /// A CEB inventory of order `order` shipped under waybill `waybill`.
    static func inventory(id: String, order: String = "ORDER-1", waybill: String = "WAYBILL-1") -> Declaration {
        DeclarationBuilder.make(id: id) {
            $0.format = "CEB621"
            $0.references = [
                NamedReference(name: "orderNo", value: order), NamedReference(name: "logisticsNo", value: waybill),
            ]
        }
    }

    @Test func aSeedHashedAheadDrawsExactlyAsItsText() {
        let keys = [
            ConsignmentKey(
                DeclarationBuilder.make {
                    $0.format = "CEB621"
                    $0.references = [
                        NamedReference(name: "orderNo", value: "ORDER-\(String(repeating: "7", count: 40))"),
                        NamedReference(name: "logisticsNo", value: "WAYBILL-1"),
                    ]
                }),
            ConsignmentKey(DeclarationBuilder.make()),
        ]
        // Seeds shorter than a block, one byte short, a block exactly, longer, and two blocks and more.
        for length in [16, 63, 64, 65, 100, 128, 130] {
            let seed = String((0..<length).map { Character(UnicodeScalar(UInt8(97 + $0 % 26))) })
            let hashed = SHA256.Prefix(Array(seed.utf8))
            for key in keys {
                for (salt, text): (StaticString, String) in [
                    ("", ""), ("top-up|", "top-up|"), ("examiner|", "examiner|"),
                ] {
                    #expect(
                        SamplingDrawer.draw(seed: hashed, key: key, salt: salt)
                            == SamplingDrawer.draw(seed: seed, key: text + key.description),
                        "seed of \(length) bytes, \(text)\(key)")
                }
            }
        }
    }

    @Test func theSameDeclarationProfileAndSeedAlwaysDrawTheSame() throws {
        let declaration = Self.inventory(id: "REPEAT-1")
        let first = Scorer(profile: try profile()).score(declaration)
        let again = Scorer(profile: try profile()).score(declaration)
        #expect(first.sampling == again.sampling)
        #expect(first.lane == again.lane)
    }

    @Test func anAuditorCanRecomputeTheDrawFromTheRevealedSeed() throws {
        let decision = Scorer(profile: try profile()).score(Self.inventory(id: "AUDIT-42"))
        #expect(decision.sampling.period == "2026-11")
        #expect(decision.sampling.key == "CEB|E2|ORDER-1|WAYBILL-1")
        // sha256("november-seed-0001|CEB|E2|ORDER-1|WAYBILL-1"), first 16 hex digits, >> 11, / 2^53.
        let hex = SHA256.hex(Array("november-seed-0001|CEB|E2|ORDER-1|WAYBILL-1".utf8))
        let expected = Double(UInt64(hex.prefix(16), radix: 16)! >> 11) / 9_007_199_254_740_992
        #expect(decision.sampling.draw == expected)
        #expect(decision.sampling.drawn == (expected < 0.5))
        #expect(decision.sampling.creditClass == "2")
        // The commitment is what `printf '%s' SEED | sha256sum` prints.
        #expect(
            SamplingSeeds.commitment(to: "november-seed-0001")
                == SHA256.hex(Array("november-seed-0001".utf8)))
    }

    @Test func declaringTheSameGoodsAgainUnderANewIDTimeOrMessageDrawsTheSame() throws {
        let scorer = Scorer(profile: try profile())
        let first = scorer.score(Self.inventory(id: "COP-1"))
        var again = Self.inventory(id: "COP-2-AFTER-CANCEL")
        again.messageID = "ANOTHER-MESSAGE"
        again.declaredAt = CivilTime(year: 2026, month: 11, day: 20, hour: 9)
        let second = scorer.score(again)
        #expect(second.sampling.draw == first.sampling.draw)
        #expect(second.sampling.key == first.sampling.key)
        let otherWaybill = scorer.score(Self.inventory(id: "COP-3", waybill: "WAYBILL-2"))
        #expect(otherWaybill.sampling.key != first.sampling.key)
        #expect(otherWaybill.sampling.draw != first.sampling.draw)
    }

    @Test func withoutConsignmentReferencesTheGoodsMakeTheKey() throws {
        let scorer = Scorer(profile: try profile())
        let first = scorer.score(DeclarationBuilder.make(id: "G-1"))
        let renamed = scorer.score(DeclarationBuilder.make(id: "G-2") { $0.messageID = "M-2" })
        #expect(first.sampling.key == "GOODS|E2|8541401000:10:")
        #expect(renamed.sampling.draw == first.sampling.draw)
        let otherGoods = scorer.score(DeclarationBuilder.make(id: "G-3") { $0.items[0].quantity = 11 })
        #expect(otherGoods.sampling.key != first.sampling.key)
    }

    @Test func theServiceDrawsInThePeriodItReceivedTheDeclarationNotTheOneDeclared() throws {
        let scorer = Scorer(profile: try profile())
        let backdated = Self.inventory(id: "BACK-1")  // declared 2026-11-15
        let received = CivilTime(year: 2026, month: 12, day: 2, hour: 8)
        let decision = scorer.score(backdated, receivedAt: received, drawnAt: received)
        #expect(decision.sampling.period == "2026-12")
        #expect(decision.sampling.draw == SamplingDrawer.draw(seed: "december-seed-0001", key: decision.sampling.key))
    }

    @Test func aPeriodWithoutItsSeedDrawsNothingAndSaysSo() throws {
        let scorer = Scorer(profile: try profile())
        let decision = scorer.score(Self.inventory(id: "LATE-1"))
        #expect(!decision.sampling.seedMissing)
        let later = scorer.score(
            DeclarationBuilder.make(id: "LATE-2") { $0.declaredAt = CivilTime(year: 2027, month: 2, day: 3) })
        #expect(later.sampling.period == "2027-02")
        #expect(later.sampling.draw == nil)
        #expect(!later.sampling.drawn)
        #expect(later.sampling.seedMissing)
        let error = DeclarationError.seedMissing(later, position: SourcePosition(source: "t", line: 1, column: 1))
        #expect(error.code == .seedMissing)
        #expect(error.reason.contains("2027-02"))
        #expect(!error.reason.contains("december-seed"))
    }

    @Test func aSeedThatIsNotTheOneCommittedToIsRefused() throws {
        let error = try #require(throws: ProfileError.self) {
            try profile(seeds: SamplingSeeds(["2026-11": "november-seed-9999", "2026-12": "december-seed-0001"]))
        }
        #expect(error.description.contains("the seed for 2026-11 does not match the profile's commitment"))
        let uncommitted = try #require(throws: ProfileError.self) {
            try profile(seeds: SamplingSeeds(["2026-11": "november-seed-0001", "2027-01": "january-seed-00001"]))
        }
        #expect(uncommitted.description.contains("publishes no commitment for it"))
    }

    @Test func theServiceKnowsAtStartWhetherThePeriodHasItsSeed() throws {
        let policy = try profile().source.sampling
        #expect(policy.readiness(at: CivilTime(year: 2026, month: 11, day: 10)!) == .ready)
        guard case .soonMissing(let soon) = policy.readiness(at: CivilTime(year: 2026, month: 12, day: 28)!) else {
            Issue.record("expected a warning for 2027-01")
            return
        }
        #expect(soon.contains("2027-01"))
        guard case .missing(let missing) = policy.readiness(at: CivilTime(year: 2027, month: 1, day: 2)!) else {
            Issue.record("expected an error for 2027-01")
            return
        }
        #expect(missing.contains("current period 2027-01"))
    }

    @Test func seedsFilesAreCheckedLineByLine() throws {
        let seeds = try SamplingSeeds.parse(
            "# operators only\n2026-11 november-seed-0001  # this month\n\n2026-12\tdecember-seed-0001\n", source: "s")
        #expect(seeds == Self.seeds)
        let error = try #require(throws: ProfileError.self) {
            try SamplingSeeds.parse("2026-11 short\n2026-13 thirteenth-month-seed\n2026-12 a b\n", source: "s")
        }
        let lines = error.issues.map(\.description)
        #expect(lines.contains { $0.hasPrefix("s:1:1: error: the seed for 2026-11 has 5 characters") })
        #expect(lines.contains { $0.hasPrefix("s:2:1: error: write each seed as `yyyy-MM SEED`") })
        #expect(lines.contains { $0.hasPrefix("s:3:1: error: write each seed as") })
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
            scorer.score(Self.inventory(id: "SPREAD-\(number)", order: "ORDER-\(number)")).sampling.drawn
        }.count
        #expect((850...1150).contains(drawn), "class 2 is drawn at 50 %: \(drawn) of 2000")
    }
}
