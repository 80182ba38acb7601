import FastReleaseTestSupport
import Foundation
import Testing

/// `fastrelease score --language`: reasons and trader notices in the operator's language.
@Suite("fastrelease score --language", .tags(.process), .long, .timeLimit(.minutes(5)))
struct ScoreLanguageTests {
    static func profile() throws -> TemporaryDirectory {
        let folder = try TemporaryDirectory()
        let rules = """
              - id: IMPORTS
                reason: {en: Every import is reviewed, zh: 进口申报一律审单}
                trader: {en: Present the invoice, zh: 请提交发票}
                lane: document
                when: {direction: import}
            """
        try folder.write("profile.yaml", ProfileFixture.profileYAML(rules: rules))
        try folder.write("enterprises.csv", ProfileFixture.register)
        return folder
    }

    static func reasons(_ result: ProcessRunner.Result) throws -> [String] {
        try result.outputText.split(separator: "\n").compactMap {
            let object = try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any]
            return ((object?["hits"] as? [[String: Any]])?.first).map {
                "\($0["reason"] ?? "") / \($0["notice"] ?? "")"
            }
        }
    }

    @Test func decisionsAreWrittenInTheLanguageAsked() throws {
        let folder = try Self.profile()
        let sample = "Tests/Fixtures/official/china-ceb/CEB621Message.xml"
        let english = try ProcessRunner.run(["score", "--quiet", "--profile", folder.url.path, sample])
        #expect(english.status == 0, "\(english.errorText)")
        #expect(try Self.reasons(english).first == "Every import is reviewed / Present the invoice")
        let chinese = try ProcessRunner.run([
            "score", "--quiet", "--profile", folder.url.path, "--language", "zh", sample,
        ])
        #expect(chinese.status == 0, "\(chinese.errorText)")
        let reasons = try Self.reasons(chinese)
        #expect(reasons.count == 10 && reasons.allSatisfy { $0 == "进口申报一律审单 / 请提交发票" })
        let french = try ProcessRunner.run(["score", "--profile", folder.url.path, "--language", "fr", sample])
        #expect(french.status == 2)
        #expect(french.errorText.contains("writes its rules in en, zh, not fr"))
    }
}
