import FastReleaseCore
import FastReleaseFiles
import FastReleaseTestSupport
import Foundation
import Testing

/// Rule reasons and trader notices in the operators' language (`language:`, `reason: {en, zh}`).
@Suite("Profile languages")
struct ProfileLanguageTests {
    static let rules = """
          - id: JUICERS
            reason: {en: Imported juicers were found nonconforming, zh: 进口榨汁机检出不合格}
            trader: {en: Present the CCC certificate, zh: 请提交CCC认证证书}
            weight: 30
            when: {item.hs: ["8509"]}
          - id: LIVE
            reason: live animals
            weight: 5
            when: {item.hs: ["8509"]}
        """

    static func hits(_ profile: CompiledProfile) -> [(String, String)] {
        let declaration = DeclarationBuilder.make { $0.items = [DeclarationBuilder.item(line: 1, hs: "8509400090")] }
        return Scorer(profile: profile).score(declaration).hits.map { ($0.reason, $0.traderNotice) }
    }

    @Test func decisionsAreWrittenInTheProfilesLanguage() throws {
        let chinese = try ProfileFixture.compile(ProfileFixture.profileYAML(rules: Self.rules, extra: "language: zh"))
        let hits = Self.hits(chinese)
        #expect(hits.first?.0 == "进口榨汁机检出不合格")
        #expect(hits.first?.1 == "请提交CCC认证证书")
        #expect(hits.last?.0 == "live animals", "a rule with one text keeps it")
        #expect(chinese.source.languages == ["zh", "en"])

        let english = try ProfileFixture.compile(ProfileFixture.profileYAML(rules: Self.rules))
        #expect(Self.hits(english).first?.0 == "Imported juicers were found nonconforming")
        #expect(Self.hits(english).first?.1 == "Present the CCC certificate")
    }

    @Test func anotherLanguageIsTheSameVersion() throws {
        let english = try ProfileFixture.compile(ProfileFixture.profileYAML(rules: Self.rules))
        let inChinese = CompiledProfile(english.source.inLanguage("zh"))
        #expect(Self.hits(inChinese).first?.0 == "进口榨汁机检出不合格")
        #expect(Self.hits(inChinese).first?.1 == "请提交CCC认证证书")
        #expect(inChinese.version == english.version, "the same rules in another language are the same profile")
        #expect(
            Self.hits(CompiledProfile(english.source.inLanguage("zh").inLanguage("en"))).first?.0
                == "Imported juicers were found nonconforming")
        // A translation is part of the profile: changing it is a new version.
        let edited = try ProfileFixture.compile(
            ProfileFixture.profileYAML(rules: Self.rules.replacingOccurrences(of: "不合格", with: "质量问题")))
        #expect(edited.version != english.version)
    }

    @Test func aTextPerLanguageMustIncludeTheProfilesLanguage() throws {
        let error = try #require(throws: ProfileError.self) {
            try ProfileFixture.compile(ProfileFixture.profileYAML(rules: Self.rules, extra: "language: fr"))
        }
        #expect(error.description.contains("rule JUICERS gives its reason in en, zh but not in fr"))
        #expect(error.description.contains("rule JUICERS gives its trader notice in en, zh but not in fr"))
        let codes = try #require(throws: ProfileError.self) {
            try ProfileFixture.compile(
                ProfileFixture.profileYAML(
                    rules: Self.rules.replacingOccurrences(of: "zh: 进口", with: "Chinese: 进口"), extra: "language: 中文"))
        }
        #expect(codes.description.contains("`Chinese` is not a language code such as en or zh"))
        #expect(codes.description.contains("language must be a language code such as en or zh, found `中文`"))
        let empty = try #require(throws: ProfileError.self) {
            try ProfileFixture.compile(
                ProfileFixture.profileYAML(rules: "  - {id: E, reason: {}, weight: 1, when: {direction: import}}"))
        }
        #expect(empty.description.contains("reason of rule E gives no text"))
    }
}
