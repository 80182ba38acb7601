import FastReleaseCore
import Testing

/// The authority's reference state: lots, suppliers, monitoring and unit consumption, read from
/// CSV with the place of every mistake, and monitoring that lapses and fails at its exact times.
@Suite("Reference state")
struct ReferenceStateTests {
    static func time(_ text: String) -> CivilTime { CivilTime(iso: text)! }

    static let files = [
        "suppliers.csv": "code,name,standing\nT-1,Wuqiang tannery,registered\nT-2,Old tannery,suspended\n",
        "lots.csv": """
        id,holder,material,hs,supplier,quantity,unit,conforming_quantity,valid_until
        L-17,3301960001,fox hides,4301600000,T-1,300,007,300,2027-03-31
        L-18,3301960001,mink hides,,,50,007,40,
        """,
        "lot-tests.csv": """
        lot,test,passed,tested_at
        L-17,azo-dyes,pass,2026-10-02
        L-17,free-formaldehyde,pass,2026-10-02
        L-18,azo-dyes,fail,2026-10-05
        """,
        "monitoring.csv": """
        subject,code,test,interval_days
        enterprise,3301960001,azo-dyes,30
        supplier,T-1,azo-dyes,90
        """,
        "monitoring-results.csv": """
        subject,code,test,passed,tested_at
        enterprise,3301960001,azo-dyes,true,2026-10-04T10:00:00
        supplier,T-1,azo-dyes,true,2026-09-01
        """,
        "unit-consumption.csv":
            "product,material,per_unit,product_unit,material_unit\n4303,4301,2.5,011,007\n430310,430160,3,011,007\n",
    ]

    @Test func filesAreReadIntoTheState() throws {
        let state = try ReferenceStateReader().read(files: Self.files)
        let lot = try #require(state.lots["L-17"])
        #expect(lot.holder == "3301960001" && lot.supplier == "T-1" && lot.conformingQuantity == 300)
        #expect(lot.hs == HSCode("4301600000") && lot.validUntil == Self.time("2027-03-31"))
        #expect(lot.tests.map(\.test) == ["azo-dyes", "free-formaldehyde"])
        #expect(state.lots["L-18"]?.validUntil == nil)
        #expect(state.suppliers["T-2"]?.standing == .suspended)
        #expect(state.suppliers["T-1"]?.monitoring.first?.results.count == 1)
        #expect(state.monitoring["3301960001"]?.tests.first?.intervalDays == 30)
        let fox = try #require(state.consumption(of: HSCode("4301600000")!, by: HSCode("4303101000")!))
        #expect(fox.perUnit == 3, "the longest matching prefixes win")
        #expect(state.consumption(of: HSCode("4301800000")!, by: HSCode("4303900000")!)?.perUnit == 2.5)
        #expect(state.consumption(of: HSCode("5101")!, by: HSCode("4303")!) == nil)
    }

    @Test func aLotCoversOnlyTestsItPassed() throws {
        let state = try ReferenceStateReader().read(files: Self.files)
        #expect(state.lots["L-17"]!.covers(tests: ["azo-dyes", "free-formaldehyde"]).covered)
        let failed = state.lots["L-18"]!.covers(tests: ["azo-dyes"])
        #expect(!failed.covered && failed.reason == "lot L-18 failed azo-dyes on 2026-10-05")
        let untested = state.lots["L-18"]!.covers(tests: ["free-formaldehyde"])
        #expect(!untested.covered && untested.reason == "lot L-18 was not tested for free-formaldehyde")
    }

    @Test func monitoringLapsesWhenItsIntervalRunsOut() throws {
        let state = try ReferenceStateReader().read(files: Self.files)
        let azo = try #require(state.monitoring["3301960001"]?.tests.first)
        let lastCovered = azo.status(at: Self.time("2026-11-03T09:59:59"))
        #expect(
            lastCovered == .passing(testedAt: Self.time("2026-10-04T10:00:00"), until: Self.time("2026-11-03T10:00:00"))
        )
        let lapsed = azo.status(at: Self.time("2026-11-03T10:00:00"))
        #expect(lapsed == .lapsed(since: Self.time("2026-11-03T10:00:00")))
        #expect(lapsed.explanation(of: "azo-dyes") == "monitoring of azo-dyes lapsed on 2026-11-03")
        #expect(!lapsed.exempts && lastCovered.exempts)
        #expect(azo.status(at: Self.time("2026-10-04T09:59:59")) == .never, "a result is not known before it is made")
        let statuses = state.monitoringStatus(
            of: "3301960001", for: ["azo-dyes", "free-formaldehyde"], at: Self.time("2026-10-20"))
        #expect(statuses.map(\.status.exempts) == [true, false])
        #expect(statuses[1].status == .never)
    }

    @Test func aFailedResultEndsTheExemptionAtOnceAndAPassRestoresIt() {
        var test = MonitoredTest(
            test: "azo-dyes", intervalDays: 30,
            results: [TestResult(test: "azo-dyes", passed: true, testedAt: Self.time("2026-10-04"))])
        test.results.append(TestResult(test: "azo-dyes", passed: false, testedAt: Self.time("2026-10-20T08:00:00")))
        #expect(test.status(at: Self.time("2026-10-20T07:59:59")).exempts)
        let failed = test.status(at: Self.time("2026-10-20T08:00:00"))
        #expect(failed == .failed(on: Self.time("2026-10-20T08:00:00")))
        #expect(failed.explanation(of: "azo-dyes") == "monitoring of azo-dyes failed on 2026-10-20")
        test.results.append(TestResult(test: "azo-dyes", passed: true, testedAt: Self.time("2026-10-25")))
        #expect(test.status(at: Self.time("2026-10-26")).exempts)
    }

    @Test func anIntervalPastTheYear9999CoversToItsLastSecond() {
        let test = MonitoredTest(
            test: "azo-dyes", intervalDays: .max,
            results: [TestResult(test: "azo-dyes", passed: true, testedAt: Self.time("2026-10-04"))])
        #expect(
            test.status(at: Self.time("2026-10-05"))
                == .passing(testedAt: Self.time("2026-10-04"), until: Self.time("9999-12-31T23:59:59")))
    }

    @Test func badFilesAreRefusedWithEveryPlace() throws {
        var files = Self.files
        files["lots.csv"] = """
            id,holder,material,hs,supplier,quantity,unit,conforming_quantity,valid_until
            L-1,E1,hides,,T-1,300,007,300,
            L-2,E1,hides,,T-9,-5,007,1,
            L-3,E1,hides,,,10,007,20,31/12/2026
            L-1,E1,hides,,,1,007,1,
            L-4,E1,hides,43x1,,1,007,1,
            L-5,E1,hides,,T-9,1,007,1,
            L-6,E1,hides,,,10,007,20,
            """
        files["lot-tests.csv"] =
            "lot,test,passed,tested_at\nL-1,azo-dyes,maybe,2026-10-01\nL-1,azo-dyes,pass,2026-13-01\nL-99,azo-dyes,pass,2026-10-01\n"
        files["monitoring.csv"] = "subject,code,test\nenterprise,E1,azo-dyes\n"
        let error = try #require(throws: ReferenceStateError.self) { try ReferenceStateReader().read(files: files) }
        var text = error.description
        files = Self.files
        files["monitoring.csv"] = "subject,code,test,interval_days\nenterprise,E1,azo-dyes,999999999999999\n"
        text += try #require(throws: ReferenceStateError.self) { try ReferenceStateReader().read(files: files) }
            .description
        let expected = [
            ("lots.csv:3:19", "`quantity` must be a number, 0 or more, found `-5`"),
            ("lots.csv:4:26", "`valid_until` must be a date"),
            ("lots.csv:5:1", "lot L-1 is listed twice"),
            ("lots.csv:6:14", "`hs` must be an HS code"),
            ("lots.csv:7:15", "names supplier T-9, which suppliers.csv does not list"),
            ("lots.csv:8:23", "the conforming quantity 20.0 is more than the lot's 10.0"),
            ("lot-tests.csv:2:14", "`passed` must be true or false (pass or fail), found `maybe`"),
            ("lot-tests.csv:3:19", "`tested_at` must be a date"),
            ("lot-tests.csv:4:1", "lot L-99 is in neither lots.csv nor the state"),
            ("monitoring.csv:1:1", "monitoring.csv has no `interval_days` column"),
            ("monitoring.csv:2:24", "`interval_days` must be a whole number from 1 to 3653, found `999999999999999`"),
        ]
        for (place, message) in expected {
            #expect(
                text.split(separator: "\n").contains { $0.contains(place) && $0.contains(message) },
                "expected \(place) \(message) in:\n\(text)")
        }
    }
}
