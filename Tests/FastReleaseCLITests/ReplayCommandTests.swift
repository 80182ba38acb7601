import FastReleaseCore
import FastReleaseStore
import FastReleaseTestSupport
import Foundation
import Testing

@Suite("fastrelease replay", .tags(.process), .long, .timeLimit(.minutes(5)))
struct ReplayCommandTests {
    /// A decision log holding `count` juicer imports by the class 2 sample enterprise, decided
    /// `document` under a profile without the juicer alert; every third was found nonconforming.
    static func history(in folder: TemporaryDirectory, count: Int) async throws -> String {
        let path = folder.url.appendingPathComponent("history.sqlite").path
        let log = try SQLiteDecisionLog(path: path)
        var rows: [StoredDecision] = []
        let scorer = Scorer(
            profile: try ProfileFixture.compile(
                rules: "  - {id: DOC, reason: r, weight: 20, when: {direction: import}}"))
        for index in 0..<count {
            let declaration = DeclarationBuilder.make(id: "HIST-\(index)") { declaration in
                declaration.format = "CEB621"
                declaration.parties[.seller] = Party(code: "1101110325")
                declaration.items[0].hs = HSCode("8509400000")
                declaration.items[0].description = "juicer"
            }
            let decision = scorer.score(declaration, receivedAt: CivilTime(year: 2026, month: 11, day: 15, hour: 10))
            let payload = DecisionPayload(
                decision, extras: PayloadExtras(receivedMilliseconds: 1_795_000_000_000 + Int64(index) - 5))
            rows.append(
                StoredDecision(
                    key: DecisionKey(declarant: "D1", declarationID: declaration.id), messageID: "M",
                    lane: .decided(decision.lane), profileVersion: "old@000000000000",
                    decidedAt: 1_795_000_000_000 + Int64(index), payload: try payload.encoded(),
                    declaration: try DeclarationSnapshot.encode(declaration)))
        }
        _ = try await log.record(rows)
        for index in stride(from: 0, to: count, by: 3) {
            _ = try await log.record(
                StoredInspection(
                    inspectionID: "I-\(index)", decision: DecisionKey(declarant: "D1", declarationID: "HIST-\(index)"),
                    conforming: false, inspectedAt: 1_795_100_000_000, recordedBy: "test", payload: "{}"))
        }
        return path
    }

    @Test func replayingALogMeasuresWhatTheProfileWouldChange() async throws {
        let folder = try TemporaryDirectory()
        let store = try await Self.history(in: folder, count: 30)
        let report = folder.url.appendingPathComponent("replay.html").path
        let result = try ProcessRunner.run([
            "replay", "--profile", "Profiles/default", "--history", store, "--html", report,
        ])
        #expect(result.status == 0, "\(result.errorText)")
        let output = result.outputText
        #expect(output.contains("replayed 30 declarations: new default@"), "\(output)")
        #expect(output.contains("baseline as decided"))
        #expect(output.contains("inspection results recorded for 10, of which 10 nonconforming"))
        // Decided `document` then; the juicer alert makes every one an inspection now.
        #expect(output.range(of: #"inspect-release\s+0\s+30"#, options: .regularExpression) != nil, "\(output)")
        #expect(output.range(of: #"capture\s+0\.0%\s+100\.0%"#, options: .regularExpression) != nil)
        #expect(output.range(of: #"ALERT-JUICERS\s+30\s+10\s+100\.0%"#, options: .regularExpression) != nil)
        #expect(output.contains("30 declarations change lane"))
        // The default profile expects 1 % inspected at every port; the juicer alert exceeds it.
        #expect(output.contains("rates against the expected (new profile)"), "\(output)")
        #expect(
            output.contains("port (none): inspect-release or stronger 100.00% of 30, expected 1.00% (met); 0 drawn up"))
        let html = try String(contentsOfFile: report, encoding: .utf8)
        #expect(html.contains("<svg id=\"lane-mix\""))
        #expect(html.contains("<svg id=\"class-rates\""))
        #expect(html.contains("<table id=\"changes\">"))
        #expect(html.components(separatedBy: "<td>HIST-").count == 31)
    }

    @Test func replayingXMLAgainstABaselineProfile() throws {
        let folder = try TemporaryDirectory()
        let candidate = folder.url.appendingPathComponent("candidate")
        try Fixtures.copyDefaultProfile(to: candidate)
        let file = candidate.appendingPathComponent("profile.yaml")
        try (try String(contentsOf: file, encoding: .utf8)).replacingOccurrences(
            of: "    document: 20", with: "    document: 40"
        ).write(to: file, atomically: true, encoding: .utf8)
        let result = try ProcessRunner.run([
            "replay", "--profile", candidate.path, "--baseline", "Profiles/default", "--at", "2026-11-15T10:30:00",
            "--history", "Tests/Fixtures/official/china-ceb/CEB621Message.xml",
            "Tests/Fixtures/official/uk-cds-wco-dec/declarations/TT_EX002b.xml",
        ])
        #expect(result.status == 0, "\(result.errorText)")
        #expect(result.outputText.contains("replayed 11 declarations"), "\(result.outputText)")
        // Raising the document threshold to 40 releases the ten CEB621 sample inventories (score 20).
        #expect(result.outputText.contains("10 declarations change lane"), "\(result.outputText)")
        #expect(result.outputText.contains("document -> release"))
    }
}

@Suite("fastrelease report", .tags(.process), .long, .timeLimit(.minutes(5)))
struct ReportCommandTests {
    @Test func aDayAndAMonthAreReportedFromTheLog() async throws {
        let folder = try TemporaryDirectory()
        // 30 juicer imports decided on 2026-11-18 (UTC), `document`; every third found nonconforming.
        let store = try await ReplayCommandTests.history(in: folder, count: 30)
        let day = try ProcessRunner.run(["report", "--day", "2026-11-18", "--store", store])
        #expect(day.status == 0, "\(day.errorText)")
        #expect(day.outputText.contains("report for 2026-11-18: 30 declarations decided"), "\(day.outputText)")
        #expect(
            day.outputText.range(
                of: #"all\s+30\s+0\s+30\s+0\s+0\s+0\s+0\s+10 \(10 nonconforming\)"#, options: .regularExpression)
                != nil, "\(day.outputText)")
        #expect(
            day.outputText.contains(
                "time from receipt to decision: p50 5 ms, p90 5 ms, p99 5 ms, max 5 ms (30 decisions)"))
        let month = try ProcessRunner.run(["report", "--month", "2026-11", "--store", store, "--utc-offset", "+08:00"])
        #expect(month.outputText.contains("report for 2026-11: 30 declarations decided"))
        #expect(
            month.outputText.contains(
                "random selection: 0 drawn at their class's rate, 0 drawn up to an expected rate"),
            "\(month.outputText)")
        let empty = try ProcessRunner.run(["report", "--day", "2026-11-19", "--store", store])
        #expect(empty.outputText.contains("0 declarations decided"))
        for period in [["--month", "9999-12"], ["--week", "9999-W52"], ["--week", "9999-12-30"]] {
            let last = try ProcessRunner.run(["report"] + period + ["--store", store])
            #expect(last.status == 0, "the calendar's last periods are reported: \(period) \(last.errorText)")
            #expect(last.outputText.contains("0 declarations decided"), "\(last.outputText)")
        }
        let wrong = try ProcessRunner.run(["report", "--day", "yesterday", "--store", store])
        #expect(wrong.status != 0)
        #expect(wrong.errorText.contains("--day `yesterday` is not a day"))
    }

    @Test func aWeekShowsExemptionsWriteOffsAndMonitoring() async throws {
        let folder = try TemporaryDirectory()
        let store = folder.url.appendingPathComponent("decisions.sqlite").path
        #expect(try ProcessRunner.run(["state", "import", "Profiles/default/state", "--store", store]).status == 0)
        let log = try SQLiteDecisionLog(path: store)
        let state = try #require(try await log.referenceState())
        let scorer = Scorer(profile: try ProfileFixture.compiledDefault())
        func furExport(_ id: String, maker: String, lots: [String]) -> Declaration {
            DeclarationBuilder.make(id: id, direction: .export) {
                $0.format = "CEB603"
                $0.parties[.seller] = Party(code: maker)
                $0.destinationCountry = CountryCode("RU")
                var item = DeclarationBuilder.item(line: 1, hs: "4303101000", quantity: 3)
                item.unit = "H87"
                $0.items = [item]
                $0.lots = lots.map { LotReference(identifier: $0, line: 1) }
                $0.declaredAt = CivilTime(year: 2026, month: 11, day: 16, hour: 10)
            }
        }
        let declarations =
            (0..<3).map { furExport("WEEK-LOT-\($0)", maker: "1105910165", lots: ["L-2026-0017"]) }
            + [furExport("WEEK-MON", maker: "1311960001", lots: [])]
        var rows: [StoredDecision] = []
        for (index, declaration) in declarations.enumerated() {
            let decision = scorer.score(declaration, state: state)
            rows.append(
                StoredDecision(
                    key: DecisionKey(declarant: "D1", declarationID: declaration.id), messageID: "M",
                    lane: .decided(decision.lane), profileVersion: decision.profileVersion,
                    decidedAt: 1_794_823_200_000 + Int64(index),  // 2026-11-16T10:00Z, in week 47
                    payload: try DecisionPayload(decision).encoded(),
                    claims: LotClaim.net(taking: decision.writeOffs, givingBack: [])))
        }
        #expect(try await log.record(rows).allSatisfy { !$0.isReplay })
        let week = try ProcessRunner.run(["report", "--week", "2026-W47", "--store", store])
        #expect(week.status == 0, "\(week.errorText)")
        let expected = [
            "report for week 2026-W47 (2026-11-16 to 2026-11-22): 4 declarations decided",
            "exemptions used: 4 (lot 3, supplier 0, monitoring 1)",
            "L-2026-0017: 22.5 H87, 277.5 of 300 left now",
            "enterprise 1311960001: monitoring of azo-dyes failed on 2026-11-20",
        ]
        for line in expected { #expect(week.outputText.contains(line), "missing: \(line)\n\(week.outputText)") }
        // The next week by its first day: nothing decided, and the UK exporter's monitoring falls due.
        let next = try ProcessRunner.run(["report", "--week", "2026-11-23", "--store", store])
        #expect(next.outputText.contains("0 declarations decided"))
        #expect(
            next.outputText.contains("enterprise GB427168118378: free-formaldehyde due by 2026-12-03"),
            "\(next.outputText)")
        let wrong = try ProcessRunner.run(["report", "--week", "W48", "--store", store])
        #expect(wrong.errorText.contains("--week `W48` is not a week"))
    }
}
