import FastReleaseTestSupport
import Foundation
import Testing

@Suite("fastrelease profile check and test", .tags(.process), .long, .timeLimit(.minutes(5)))
struct ProfileCommandTests {
    /// A copy of the default profile in a temporary folder, to break on purpose.
    static func copyOfDefaultProfile() throws -> TemporaryDirectory {
        let folder = try TemporaryDirectory()
        try FileManager.default.removeItem(at: folder.url)
        try FileManager.default.copyItem(at: Fixtures.defaultProfile, to: folder.url)
        return folder
    }

    @Test func theDefaultProfilesCasesAllPassAndCoverItsPractices() throws {
        let result = try ProcessRunner.run(["profile", "test", "Profiles/default"])
        #expect(result.status == 0, "\(result.outputText)")
        let lines = result.outputText.split(separator: "\n")
        let cases = lines.filter { $0.hasPrefix("PASS") || $0.hasPrefix("FAIL") }
        #expect(cases.count >= 25)
        #expect(cases.allSatisfy { $0.hasPrefix("PASS") })
        #expect(cases.filter { $0.contains("wco") }.count >= 4, "WCO cases are among them")
        #expect(result.outputText.contains("practices covered: 1, 2, 3, 4, 5, 6, 7, 8, 9, 10"))
    }

    @Test func aFailingCaseIsReportedWithWhatDiffersAndExitsOne() throws {
        let profile = try Self.copyOfDefaultProfile()
        let file = profile.url.appendingPathComponent("tests/12-juicer-warning-notice.yaml")
        let text = try String(contentsOf: file, encoding: .utf8).replacingOccurrences(
            of: "lane: inspect-release", with: "lane: release")
        try text.write(to: file, atomically: true, encoding: .utf8)
        let result = try ProcessRunner.run(
            ["profile", "test", profile.url.path], environment: ["FASTRELEASE_SEEDS": Fixtures.defaultSeeds.path])
        #expect(result.status == 1)
        #expect(result.outputText.contains("FAIL  12-juicer-warning-notice.yaml"))
        #expect(result.outputText.contains("lane: expected release, got inspect-release (rule:ALERT-JUICERS)"))
        #expect(result.outputText.contains("1 failed"))
    }

    @Test func aBrokenCaseIsReportedWithItsPlaceAndExitsTwo() throws {
        let profile = try Self.copyOfDefaultProfile()
        try profile.write(
            "tests/99-broken.yaml",
            "name: broken\ndeclaration:\n  id: X\n  country.dispatch: Japan\n  items: [{hs: 85x}]\nexpect: {lane: fast}\n"
        )
        let result = try ProcessRunner.run(["profile", "test", profile.url.path])
        #expect(result.status == 2)
        #expect(
            result.outputText.contains(
                "99-broken.yaml:4:21: error: country.dispatch `Japan` is not a two-letter country code"),
            "\(result.outputText)")
        #expect(result.outputText.contains("99-broken.yaml:5:16: error: `85x` is not an HS code"))
        #expect(result.outputText.contains("99-broken.yaml:6:16: error: unknown lane `fast`"))
        #expect(!result.outputText.contains("needs `expect:`"), "no cascade of follow-on errors")
    }

    @Test func checkListsEveryErrorWithItsPlace() throws {
        let profile = try Self.copyOfDefaultProfile()
        let file = profile.url.appendingPathComponent("profile.yaml")
        let text = try String(contentsOf: file, encoding: .utf8).replacingOccurrences(
            of: "    document: 20", with: "    documnet: 20")
        try text.write(to: file, atomically: true, encoding: .utf8)
        let broken = try ProcessRunner.run(["profile", "check", profile.url.path])
        #expect(broken.status == 2)
        #expect(broken.outputText.contains("profile.yaml:"), "\(broken.outputText)")
        #expect(broken.outputText.contains("did you mean `document`?"))
        let good = try ProcessRunner.run(["profile", "check", "Profiles/default"])
        #expect(good.status == 0, "\(good.outputText)")
        #expect(good.outputText.contains("0 errors"))

        // In Chinese, asked for or from the locale; the places stay as they are.
        let chinese = try ProcessRunner.run(["profile", "check", profile.url.path, "--language", "zh"])
        #expect(chinese.status == 2)
        #expect(
            chinese.outputText.contains("lanes.thresholds 中没有 `documnet` 这个键；是否想写 `document`？"), "\(chinese.outputText)"
        )
        #expect(chinese.outputText.contains("1 处错误；此风险配置不能使用"))
        let locale = try ProcessRunner.run(
            ["profile", "check", profile.url.path], environment: ["LC_ALL": "", "LANG": "zh_CN.UTF-8"])
        #expect(locale.outputText == chinese.outputText)
        let unknown = try ProcessRunner.run(["profile", "check", "Profiles/default", "--language", "fr"])
        #expect(unknown.status != 0 && unknown.errorText.contains("--language `fr`: write en or zh"))
    }

    @Test func checkWarnsAboutRulesThatCannotFireExpiredAndOverlappingAlertsAndUnknownCodes() throws {
        let profile = try Self.copyOfDefaultProfile()
        let alerts = profile.url.appendingPathComponent("rules/alerts.yaml")
        var text = try String(contentsOf: alerts, encoding: .utf8)
        text += """

              - id: ALERT-OLD-TOYS
                kind: alert
                reason: An alert from last year
                when:
                  item.hs: {prefix: ["9503"]}
                weight: 10
                valid: {from: 2025-01-01, until: 2025-06-30}

              - id: ALERT-JUICERS-AGAIN
                kind: alert
                reason: The juicer alert, written twice
                when:
                  direction: import
                  item.hs: {prefix: ["850940", "8509"]}
                weight: 30
                valid: {from: 2026-12-01, until: 2027-02-28}

              - id: ODD-RULE
                reason: Contradictions and codes that do not exist
                when:
                  enterprise.list: black
                  enterprise.class: 1
                  item.hs: {prefix: ["7701"]}
                  country.dispatch: [XX]
                  seller.code: ["1234567890"]
                  value.total: {above: 100, below: 50}
                weight: 10

            """
        try text.write(to: alerts, atomically: true, encoding: .utf8)
        let result = try ProcessRunner.run(["profile", "check", "--at", "2026-11-20T00:00:00", profile.url.path])
        #expect(result.status == 0, "warnings do not stop a profile: \(result.outputText)")
        let output = result.outputText
        let expected = [
            "warning: alert ALERT-OLD-TOYS expired on 2025-06-30",
            "warning: ALERT-JUICERS-AGAIN tests the same goods as ALERT-JUICERS",
            "warning: rule ODD-RULE can never fire: a black-listed enterprise is class 4, and the rule asks for class 1",
            "warning: rule ODD-RULE can never fire: no value of value.total meets all of",
            "HS code 7701 in rule ODD-RULE is in chapter 77, which the Harmonized System does not have",
            "XX in rule ODD-RULE is not an ISO 3166 country code",
            "rule ODD-RULE names enterprise 1234567890, which is not in the register",
        ]
        for line in expected {
            #expect(output.contains(line), "missing: \(line)\n\(output)")
        }
        #expect(output.contains("rules/alerts.yaml:"), "warnings name the file and line")
        // The shipped profile has none of these.
        let clean = try ProcessRunner.run(["profile", "check", "--at", "2026-11-20T00:00:00", "Profiles/default"])
        #expect(!clean.outputText.contains(": warning:"), "\(clean.outputText)")
        #expect(clean.outputText.contains("0 errors, 0 warnings"))
    }

    @Test func checkWarnsAboutEvidenceTheStateCannotHold() throws {
        let state = try TemporaryDirectory()
        _ = try state.write(
            "lots.csv",
            "id,holder,material,hs,supplier,quantity,unit,conforming_quantity,valid_until\nL-1,E1,hides,4302,,10,H87,10,\n"
        )
        _ = try state.write("lot-tests.csv", "lot,test,passed,tested_at\nL-1,azo-dyes,pass,2026-10-01\n")
        let result = try ProcessRunner.run([
            "profile", "check", "--at", "2026-11-20T00:00:00", "--state", state.url.path, "Profiles/default",
        ])
        #expect(result.status == 0, "\(result.outputText)\(result.errorText)")
        let expected = [
            "destinations.yaml:17:5: warning: rule FUR-PERIODIC-MONITORING names lot evidence, but no lot in the state passed free-formaldehyde and azo-dyes",
            "warning: rule FUR-PERIODIC-MONITORING names supplier evidence, but no registered supplier in the state is monitored for free-formaldehyde and azo-dyes",
            "warning: rule FUR-PERIODIC-MONITORING names monitoring evidence, but no enterprise in the state is monitored for free-formaldehyde and azo-dyes",
        ]
        for line in expected { #expect(result.outputText.contains(line), "missing: \(line)\n\(result.outputText)") }
        // Without any state, the rule is said to always apply as written.
        let profile = try Self.copyOfDefaultProfile()
        try FileManager.default.removeItem(at: profile.url.appendingPathComponent("state"))
        let bare = try ProcessRunner.run(["profile", "check", "--at", "2026-11-20T00:00:00", profile.url.path])
        #expect(bare.outputText.contains("names evidence (lot, supplier, monitoring) but there is no reference state"))
    }
}
