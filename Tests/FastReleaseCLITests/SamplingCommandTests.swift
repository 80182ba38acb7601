import FastReleaseCore
import FastReleaseStore
import FastReleaseTestSupport
import Foundation
import Testing

/// Commit, reveal and verify; the monthly disclosure.
@Suite("fastrelease sampling and the disclosure", .tags(.process), .long, .timeLimit(.minutes(5)))
struct SamplingCommandTests {
    static let seed = "audit-seed-2026-11-0000"
    static let seeds = SamplingSeeds(["2026-11": seed])
    static let received = CivilTime(year: 2026, month: 11, day: 15, hour: 10)!
    static let decidedAt: Int64 = 1_794_708_000_000  // 2026-11-15T02:00:00Z

    static var yaml: String {
        ProfileFixture.profileYAML(
            rules: "  - {id: TARGET-LAMPS, reason: secret targeting reason, weight: 1, when: {item.hs: [\"8541\"]}}",
            sampling: """
                  lane: inspect-release
                  rates: {1: 0.5, 2: 0.5, 3: 0.5, 4: 0.5}
                \(ProfileFixture.commitments(seeds))
                """)
    }

    /// A profile folder, and a log of 40 decisions made with it in November 2026 (examiners
    /// drawn from a roster of three), the profile's history, and one inspection.
    static func history(in folder: TemporaryDirectory) async throws -> (profile: String, store: String) {
        let profile = folder.url.appendingPathComponent("profile")
        try FileManager.default.createDirectory(at: profile, withIntermediateDirectories: true)
        try yaml.write(to: profile.appendingPathComponent("profile.yaml"), atomically: true, encoding: .utf8)
        try ProfileFixture.register.write(
            to: profile.appendingPathComponent("enterprises.csv"), atomically: true, encoding: .utf8)
        let compiled = try ProfileFixture.compile(yaml, seeds: seeds)
        let roster = ["EX-1", "EX-2", "EX-3"].map {
            RosterShift(
                port: "3700", examiner: $0, lanes: [.inspectRelease], from: CivilTime(iso: "2026-11-01T00:00:00")!,
                until: CivilTime(iso: "2026-12-01T00:00:00")!)
        }
        let scorer = Scorer(profile: compiled)
        let desk = SelectionDesk(policy: compiled.source.sampling)
        var rows: [StoredDecision] = []
        for index in 0..<40 {
            let declaration = DeclarationBuilder.make(id: "DRAW-\(index)") {
                $0.format = "CEB621"
                $0.port = "3700"
                $0.references = [
                    NamedReference(name: "orderNo", value: "ORDER-SECRET-\(index)"),
                    NamedReference(name: "logisticsNo", value: "WAYBILL-SECRET-\(index)"),
                ]
            }
            var decision = scorer.score(declaration, receivedAt: received, drawnAt: received)
            desk.settle(&decision, roster: roster)
            rows.append(
                StoredDecision(
                    key: DecisionKey(declarant: "D1", declarationID: declaration.id), messageID: "M",
                    lane: .decided(decision.lane), profileVersion: compiled.version,
                    decidedAt: decidedAt + Int64(index), payload: try DecisionPayload(decision).encoded(),
                    declaration: try DeclarationSnapshot.encode(declaration)))
        }
        let store = folder.url.appendingPathComponent("log.sqlite").path
        let log = try SQLiteDecisionLog(path: store)
        _ = try await log.record(rows)
        let bundle = try ProfileBundle(files: ["profile.yaml": yaml, "enterprises.csv": ProfileFixture.register])
        try await log.record(
            StoredProfileChange(
                version: compiled.version, previousVersion: "", changedAt: decidedAt - 1000, changedBy: "test",
                summary: "test", files: String(decoding: try JSONEncoder().encode(bundle), as: UTF8.self)))
        let firstDrawn = try #require(rows.first { $0.lane == .decided(.inspectRelease) })
        _ = try await log.record(
            StoredInspection(
                inspectionID: "I-1", decision: firstDrawn.key, conforming: false, inspectedAt: decidedAt + 5000,
                recordedBy: "test", payload: "{}"))
        return (profile.path, store)
    }

    @Test func aRevealedSeedIsCheckedAndEveryDrawOfItsMonthRecomputed() async throws {
        let folder = try TemporaryDirectory()
        let (profile, store) = try await Self.history(in: folder)
        let verify = ["sampling", "verify", "--period", "2026-11", "--store", store, "--profile", profile]
        let good = try ProcessRunner.run(verify + ["--seed", Self.seed])
        #expect(good.status == 0, "\(good.outputText)\(good.errorText)")
        #expect(good.outputText.contains("the seed matches its commitment"))
        #expect(good.outputText.contains("40 draws recomputed"), "\(good.outputText)")
        #expect(good.outputText.contains("PASSED"))

        let wrong = try ProcessRunner.run(verify + ["--seed", "audit-seed-2026-11-9999"])
        #expect(wrong.status == 1)
        #expect(wrong.outputText.contains("not the seed committed to"))

        // A record whose draw was altered after the fact is found.
        let log = try SQLiteDecisionLog(path: store)
        let original = try #require(try await log.decisions(declarationID: "DRAW-0").first)
        var payload = try original.decodedPayload()
        payload.sampling?.draw = 0.999
        payload.sampling?.drawn = false
        var forged = original
        forged.key = DecisionKey(declarant: "D1", declarationID: "FORGED-0")
        forged.payload = try payload.encoded()
        _ = try await log.record([forged])
        let tampered = try ProcessRunner.run(verify + ["--seed", Self.seed])
        #expect(tampered.status == 1)
        #expect(tampered.outputText.contains("D1/FORGED-0"), "\(tampered.outputText)")
        #expect(tampered.outputText.contains("recorded draw 0.999"))
    }

    @Test func aNewSeedIsWrittenForItsOwnerOnlyAndItsCommitmentPrinted() throws {
        let folder = try TemporaryDirectory()
        let file = folder.url.appendingPathComponent("operators.seeds").path
        let made = try ProcessRunner.run(["sampling", "seed", "--seeds", file, "--period", "2027-01"])
        #expect(made.status == 0, "\(made.errorText)")
        let mode = try FileManager.default.attributesOfItem(atPath: file)[.posixPermissions] as? Int
        #expect(mode.map { $0 & 0o777 } == 0o600)
        let seeds = try SamplingSeeds.parse(try String(contentsOfFile: file, encoding: .utf8), source: file)
        let seed = try #require(seeds.byPeriod["2027-01"])
        #expect(seed.count == 64)
        #expect(made.outputText.contains("\"2027-01\": \(SamplingSeeds.commitment(to: seed))"))
        let again = try ProcessRunner.run(["sampling", "seed", "--seeds", file, "--period", "2027-01"])
        #expect(again.status == 2)
        #expect(again.errorText.contains("a committed seed is never replaced"))
    }

    @Test func theDisclosureListsTheDrawsExaminersAndResultsAndNothingConfidential() async throws {
        let folder = try TemporaryDirectory()
        let (_, store) = try await Self.history(in: folder)
        let result = try ProcessRunner.run([
            "report", "--disclosure", "--month", "2026-11", "--store", store, "--out", folder.url.path,
        ])
        #expect(result.status == 0, "\(result.errorText)")
        let csv = try String(
            contentsOfFile: folder.url.appendingPathComponent("disclosure-2026-11.csv").path, encoding: .utf8)
        let html = try String(
            contentsOfFile: folder.url.appendingPathComponent("disclosure-2026-11.html").path, encoding: .utf8)
        let rows = csv.split(separator: "\n").dropFirst()
        #expect(csv.hasPrefix("day,port,enterprise,credit_class,drawn_by,lane,examiner,result,draw\n"))
        #expect((10...30).contains(rows.count), "about half of 40 drawn: \(rows.count)")
        #expect(rows.allSatisfy { $0.contains(",class rate,inspect-release,EX-") }, "\(csv)")
        #expect(rows.contains { $0.contains(",nonconforming,") } && rows.contains { $0.contains(",pending,") })
        for confidential in ["ORDER-SECRET", "WAYBILL-SECRET", "DRAW-", "LED lamp", "TARGET-LAMPS", "secret targeting"]
        {
            #expect(!csv.contains(confidential) && !html.contains(confidential), "\(confidential) is published")
        }
        #expect(html.contains("<table id=\"classes\">") && html.contains("<table id=\"draws\">"))
        #expect(!html.contains("<script"))
        #expect(html.contains(SamplingSeeds.commitment(to: Self.seed)))
    }
}

@Suite("fastrelease serve without the current month's seed", .tags(.process), .long, .timeLimit(.minutes(2)))
struct ServeWithoutSeedTests {
    @Test func theServiceRefusesToStartAndSaysWhichSeedIsMissing() throws {
        let folder = try TemporaryDirectory()
        let profile = folder.url.appendingPathComponent("profile")
        try FileManager.default.copyItem(at: Fixtures.defaultProfile, to: profile)  // without its seeds
        let result = try ProcessRunner.run(
            [
                "serve", "--profile", profile.path, "--port", "0", "--sqlite-path",
                folder.url.appendingPathComponent("l.sqlite").path,
            ],
            environment: ["FASTRELEASE_AUTH_TOKENS": "gateway:g:gateway-token-0000000001"])
        #expect(result.status == 2, "\(result.errorText)")
        #expect(result.errorText.contains("random selection has no seed for the current period"), "\(result.errorText)")
        #expect(result.errorText.contains("no seeds file"))
    }
}
