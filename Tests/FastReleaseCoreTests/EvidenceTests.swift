import FastReleaseCore
import FastReleaseTestSupport
import Foundation
import Testing

/// Rules whose lab tests evidence may satisfy (practices 3, 4 and 5): a conforming lot written
/// off by unit consumption, a registered supplier, the enterprise's monitoring; each decision
/// says which released it, in numbers, or why none did.
@Suite("Evidence for lab tests")
struct EvidenceTests {
    static let rules = """
          - id: FUR
            reason: fur garments need formaldehyde and azo dye results
            when: {item.hs: {prefix: ["4303"]}}
            lab_tests: [free-formaldehyde, azo-dyes]
            evidence: [lot, supplier, monitoring]
            lane: sample-release
            weight: 25
          - id: FUR-AZO
            reason: fur garments are also checked for azo dyes
            when: {item.hs: {prefix: ["4303"]}}
            lab_tests: [azo-dyes]
            evidence: [lot]
          - id: TEXTILE
            reason: textiles need an azo dye result
            when: {item.hs: {prefix: ["61"]}}
            lab_tests: [azo-dyes]
            evidence: [monitoring]
        """

    static let files = [
        "suppliers.csv": "code,name,standing\nT-1,Wuqiang tannery,registered\nT-2,Old tannery,suspended\n",
        "lots.csv": """
        id,holder,material,hs,supplier,quantity,unit,conforming_quantity,valid_until,written_off
        L-17,E2,fox hides,4302191000,T-2,300,H87,300,2027-03-31,0
        L-18,E2,mink hides,4302110000,T-2,120,H87,100,2027-03-31,0
        L-19,E2,mink hides,4302110000,T-2,40,H87,40,2027-03-31,35
        L-20,E2,raccoon hides,4302193000,T-1,200,H87,0,,0
        L-21,E3,fox hides,4302191000,T-1,50,H87,50,,0
        L-22,E2,fox hides,4302191000,T-2,50,H87,50,2026-10-31,0
        """,
        "lot-tests.csv": """
        lot,test,passed,tested_at
        L-17,free-formaldehyde,pass,2026-10-02
        L-17,azo-dyes,pass,2026-10-02
        L-18,free-formaldehyde,pass,2026-10-05
        L-18,azo-dyes,fail,2026-10-05
        L-19,free-formaldehyde,pass,2026-09-20
        L-19,azo-dyes,pass,2026-09-20
        L-21,free-formaldehyde,pass,2026-09-20
        L-21,azo-dyes,pass,2026-09-20
        L-22,free-formaldehyde,pass,2026-09-20
        L-22,azo-dyes,pass,2026-09-20
        """,
        "monitoring.csv": """
        subject,code,test,interval_days
        enterprise,E2,free-formaldehyde,31
        enterprise,E2,azo-dyes,31
        supplier,T-1,free-formaldehyde,92
        supplier,T-1,azo-dyes,92
        """,
        "monitoring-results.csv": """
        subject,code,test,passed,tested_at
        enterprise,E2,free-formaldehyde,pass,2026-10-15T10:00:00
        enterprise,E2,azo-dyes,pass,2026-10-15T10:00:00
        enterprise,E2,azo-dyes,fail,2026-11-20T15:00:00
        supplier,T-1,free-formaldehyde,pass,2026-09-15
        supplier,T-1,azo-dyes,pass,2026-09-15
        """,
        "unit-consumption.csv": "product,material,per_unit,product_unit,material_unit\n4303,4302,2.5,H87,H87\n",
    ]

    static func state() throws -> ReferenceState { try ReferenceStateReader().read(files: files) }
    static func scorer() throws -> Scorer { Scorer(profile: try ProfileFixture.compile(rules: rules)) }

    /// A fur-garment export from `E2` of `coats` pieces on one line citing `lots`, at `time`.
    static func coats(_ coats: Double, lots: [String], at time: String = "2026-11-15T10:00:00", line: Int = 1)
        -> Declaration
    {
        DeclarationBuilder.make(id: "FUR-1", direction: .export) {
            var item = DeclarationBuilder.item(line: line, hs: "4303101000", description: "fur coat", quantity: coats)
            item.unit = "H87"
            $0.items = [item]
            $0.lots = lots.map { LotReference(identifier: $0, line: line) }
            $0.declaredAt = CivilTime(iso: time)
        }
    }

    static func hit(_ decision: Decision, _ rule: String) throws -> RuleHit {
        try #require(decision.hits.first { $0.ruleID == rule })
    }

    @Test func aConformingLotReleasesAndWritesOffWhatTheGoodsConsume() throws {
        let decision = try Self.scorer().score(Self.coats(3, lots: ["L-17"]), state: Self.state())
        #expect(decision.lane == .release)
        #expect(decision.labTests.isEmpty && decision.score == 0)
        let fur = try Self.hit(decision, "FUR")
        #expect(fur.waived)
        let finding = try #require(fur.evidence.last)
        #expect(finding.kind == .lot && finding.subject == "L-17" && finding.writtenOff == 7.5 && finding.left == 292.5)
        #expect(finding.detail == "lot L-17 (fox hides) conforms; 7.5 H87 written off, 292.5 of 300 left")
        // The second rule rests on the same lot line: it is satisfied without writing off again.
        #expect(try Self.hit(decision, "FUR-AZO").waived)
        #expect(decision.writeOffs == [LotWriteOff(lot: "L-17", quantity: 7.5, left: 292.5, unit: "H87")])
    }

    @Test func aLotWithTooLittleLeftSaysSoAndTheRuleApplies() throws {
        // L-19 has 5 left; 3 coats need 7.5. Its tannery is suspended; E2's monitoring lapsed on 2026-11-15T10:00.
        let decision = try Self.scorer().score(
            Self.coats(3, lots: ["L-19"], at: "2026-11-15T10:00:00"), state: Self.state())
        let fur = try Self.hit(decision, "FUR")
        #expect(!fur.waived)
        #expect(
            fur.evidence.map(\.detail) == [
                "lot L-19 has 5 of 40 H87 left, line 1 needs 7.5",
                "supplier T-2 of lot L-19 is suspended, not registered",
                "enterprise E2: monitoring of free-formaldehyde lapsed on 2026-11-15",
            ])
        #expect(fur.evidence.last?.testedOn == "2026-11-15")
        #expect(decision.lane == .sampleRelease && decision.score == 25)
        #expect(decision.labTests == ["azo-dyes", "free-formaldehyde"])
        #expect(decision.writeOffs.isEmpty)
        // Two coats need 5: exactly what is left.
        let two = try Self.scorer().score(Self.coats(2, lots: ["L-19"]), state: Self.state())
        #expect(two.writeOffs == [LotWriteOff(lot: "L-19", quantity: 5, left: 0, unit: "H87")])
    }

    @Test func aLotThatFailedATestIsExpiredOrHeldBySomeoneElseReleasesNothing() throws {
        let scorer = try Self.scorer()
        let state = try Self.state()
        let reasons = [
            ("L-18", "lot L-18 failed azo-dyes on 2026-10-05"),
            ("L-20", "lot L-20 was not tested for free-formaldehyde"),
            ("L-21", "lot L-21 is held by E3, not E2"),
            ("L-22", "lot L-22 could be written off until 2026-10-31"),
            ("L-99", "lot L-99 is not in the reference state"),
        ]
        for (lot, reason) in reasons {
            let decision = scorer.score(Self.coats(1, lots: [lot], at: "2026-11-25T10:00:00"), state: state)
            let fur = try Self.hit(decision, "FUR")
            #expect(fur.evidence.first?.detail == reason, "\(lot)")
            #expect(fur.evidence.first?.kind == .lot)
        }
        let none = scorer.score(Self.coats(1, lots: []), state: state)
        #expect(try Self.hit(none, "FUR").evidence.first?.detail == "line 1 cites no lot")
    }

    @Test func aRegisteredMonitoredSupplierExemptsItsMaterialWithoutWritingOff() throws {
        let decision = try Self.scorer().score(Self.coats(2, lots: ["L-20"]), state: Self.state())
        let fur = try Self.hit(decision, "FUR")
        #expect(fur.waived)
        let finding = try #require(fur.evidence.last)
        #expect(finding.kind == .supplier && finding.subject == "T-1" && finding.testedOn == "2026-09-15")
        #expect(finding.detail.hasPrefix("supplier T-1 (Wuqiang tannery) is registered: free-formaldehyde passed on"))
        #expect(decision.writeOffs.isEmpty)
        // The supplier's monitoring lapses 92 days after 2026-09-15: on 2026-12-16.
        let lapsed = try Self.scorer().score(
            Self.coats(2, lots: ["L-20"], at: "2026-12-16T00:00:00"), state: Self.state())
        #expect(
            try Self.hit(lapsed, "FUR").evidence.contains {
                $0.detail == "supplier T-1: monitoring of free-formaldehyde lapsed on 2026-12-16"
            })
    }

    @Test func monitoringExemptsUntilItsIntervalRunsOutAndEndsAtAFailure() throws {
        let scorer = try Self.scorer()
        let state = try Self.state()
        func textile(at time: String) -> Decision {
            scorer.score(
                DeclarationBuilder.make(id: "T-1", direction: .export) {
                    $0.items = [DeclarationBuilder.item(line: 1, hs: "6109100000")]
                    $0.declaredAt = CivilTime(iso: time)
                }, state: state)
        }
        // Passed 2026-10-15T10:00 every 31 days: covered until 2026-11-15T10:00, exclusive.
        let covered = textile(at: "2026-11-15T09:59:59")
        #expect(covered.hits.first?.waived == true && covered.labTests.isEmpty)
        #expect(covered.hits.first?.evidence.last?.testedOn == "2026-10-15")
        let lapsed = textile(at: "2026-11-15T10:00:00")
        #expect(lapsed.hits.first?.waived == false && lapsed.labTests == ["azo-dyes"])
        #expect(
            lapsed.hits.first?.evidence.last?.detail == "enterprise E2: monitoring of azo-dyes lapsed on 2026-11-15")
        // A failed result ends it at that second, whatever came before.
        let failed = textile(at: "2026-11-20T15:00:00")
        #expect(
            failed.hits.first?.evidence.last?.detail == "enterprise E2: monitoring of azo-dyes failed on 2026-11-20")
        #expect(failed.labTests == ["azo-dyes"])
        // An enterprise not under monitoring.
        let other = scorer.score(
            DeclarationBuilder.make(id: "T-2", direction: .export) {
                $0.items = [DeclarationBuilder.item(line: 1, hs: "6109100000")]
                $0.parties[.seller] = Party(code: "E3")
            }, state: state)
        #expect(other.hits.first?.evidence.last?.detail == "enterprise E3 is not under monitoring")
    }

    @Test func twoLinesOnOneLotAreWrittenOffTogetherAndNeverOverdraw() throws {
        let scorer = try Self.scorer()
        let state = try Self.state()
        func declaration(_ first: Double, _ second: Double) -> Declaration {
            DeclarationBuilder.make(id: "TWO", direction: .export) {
                var one = DeclarationBuilder.item(line: 1, hs: "4303101000", quantity: first)
                var two = DeclarationBuilder.item(line: 2, hs: "4303109000", quantity: second)
                one.unit = "H87"
                two.unit = "H87"
                $0.items = [one, two]
                $0.lots = [LotReference(identifier: "L-19")]  // cited for every line
            }
        }
        // 1 + 1 coats need 5: all that L-19 has.
        let fits = scorer.score(declaration(1, 1), state: state)
        #expect(fits.writeOffs == [LotWriteOff(lot: "L-19", quantity: 5, left: 0, unit: "H87")])
        // 1 + 2 need 7.5: the second line finds 2.5 left.
        let short = scorer.score(declaration(1, 2), state: state)
        #expect(short.writeOffs.isEmpty)
        #expect(
            try Self.hit(short, "FUR").evidence.first?.detail == "lot L-19 has 2.5 of 40 H87 left, line 2 needs 5")
    }

    @Test func unitsThatDoNotMatchAreRefusedWithAReason() throws {
        var declaration = Self.coats(3, lots: ["L-17"])
        declaration.items[0].unit = "KGM"
        let decision = try Self.scorer().score(declaration, state: Self.state())
        #expect(
            try Self.hit(decision, "FUR").evidence.first?.detail
                == "line 1 declares no quantity in H87, the unit consumption's unit (it declares 3 KGM)")
        declaration.items[0].legalUnit = "H87"
        declaration.items[0].legalQuantity = 2
        let legal = try Self.scorer().score(declaration, state: Self.state())
        #expect(legal.writeOffs.first?.quantity == 5, "the legal quantity in the table's unit is used")
    }

    @Test func withoutAStateTheRuleAppliesAndSaysWhy() throws {
        let decision = try Self.scorer().score(Self.coats(3, lots: ["L-17"]))
        let fur = try Self.hit(decision, "FUR")
        #expect(!fur.waived && decision.lane == .sampleRelease)
        #expect(
            fur.evidence.map(\.detail) == [
                "no reference state was given, so lot, supplier, monitoring could not be checked"
            ])
    }

    @Test func evidenceMustNameKnownKindsAndStandInForLabTests() throws {
        let unknown = """
              - {id: X, reason: x, lab_tests: [azo-dyes], evidence: [lot, certificate], when: {direction: export}}
            """
        #expect(throws: ProfileError.self) { try ProfileFixture.compile(rules: unknown) }
        do {
            _ = try ProfileFixture.compile(rules: unknown)
        } catch let error as ProfileError {
            #expect(
                "\(error)".contains("evidence of rule X must be some of lot, supplier, monitoring, found `certificate`")
            )
        }
        let noTests = "  - {id: Y, reason: y, weight: 5, evidence: [lot], when: {direction: export}}\n"
        do {
            _ = try ProfileFixture.compile(rules: noTests)
            Issue.record("a rule naming evidence without lab tests must be refused")
        } catch let error as ProfileError {
            #expect("\(error)".contains("rule Y names evidence but requires no lab tests"))
        }
    }
}
