import FastReleaseTestSupport
import Foundation
import Testing

@Suite("fastrelease profile check and test")
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
        #expect(result.outputText.contains("practices covered: 1, 2, 5, 6, 7, 8, 9, 10"))
    }

    @Test func aFailingCaseIsReportedWithWhatDiffersAndExitsOne() throws {
        let profile = try Self.copyOfDefaultProfile()
        let file = profile.url.appendingPathComponent("tests/12-juicer-warning-notice.yaml")
        let text = try String(contentsOf: file, encoding: .utf8).replacingOccurrences(
            of: "lane: inspect-release", with: "lane: release")
        try text.write(to: file, atomically: true, encoding: .utf8)
        let result = try ProcessRunner.run(["profile", "test", profile.url.path])
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
    }
}
