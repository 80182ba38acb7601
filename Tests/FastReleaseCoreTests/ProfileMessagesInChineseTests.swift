import FastReleaseCore
import FastReleaseFiles
import FastReleaseTestSupport
import Foundation
import Testing

/// Profile errors and warnings are written in English and Chinese (``OperatorText``), since
/// the ports that send CEB messages work in Chinese.
@Suite("Profile messages in Chinese")
struct ProfileMessagesInChineseTests {
    /// Broken profiles that, between them, reach most of the loader's messages: keys, values,
    /// lists, the register, rules and their conditions, texts per language, sampling, windows.
    static let brokenProfiles: [(profile: String, register: String, rules: String)] = [
        (
            """
            format: 2
            name: ""
            timezon: +08:00
            language: Chinese
            enterprises: {register: enterprises.csv, roles: [seller, shipper], unregistered_class: 9}
            country_groups: {asia: [JP, JP, J1]}
            lanes:
              thresholds: {document: 50, sample-release: 40, inspect: 60}
            sampling:
              lane: release
              rates: {1: 0.01, 2: 0.02, 3: 1.5}
              minimum_rate: 2
              window: 3
              seeds: {default: s}
              commitments: {2026-13: abc, 2026-11: xyz}
              expected: {CNSHA: {release: 0.1, hold: 7}}
            rules:
              - rules/missing.yaml
              - rules/extra.yaml
              - {reason: no id, when: {direction: import}}
              - id: R1
                kind: warning
                weight: many
                lane: fast
                evidence: [lot, lot, rumour]
                valid: {from: 2026-12-01, until: 2026-11-01}
                when:
                  item.hs: {prefix: ["85x"], range: ["61", "6117"]}
                  item.country.origin: {group: [europe], in: [ZZ1]}
                  country.origin: JP
                  direction: sideways
                  value.total: {min: [1, 2]}
                  goods.new: maybe
              - id: R1
                reason: {en: Fine, english: Fine}
                trader: {}
                when: {}
              - {id: R2, kind: alert, reason: {en: English only}, when: {direction: import}}
            """,
            "code,name,class,list\nA,Alpha,5,\nB,Beta,2,grey\nC,Gamma,2,black\nD,Delta,3,red\nC,Again,1,\n,NoCode,1,\n",
            "rules:\n  - id: R3\n    reason: ok\n    when: {direction: import}\n    weigth: 5\n"
        ),
        ("format: 1\nsampling:\n  rates: [1, 2\nrules: []\n", "code,name,class\n", ""),
        (
            "format: 1\nenterprises: {register: enterprises.csv}\nsampling: {rates: {1: 0, 2: 0, 3: 0, 4: 0}}\nrules: []\n",
            "", ""
        ),
        ("just text", "", ""),
    ]

    @Test func everyIssueOfTheLoaderHasAChineseMessage() throws {
        var seen = 0
        for broken in Self.brokenProfiles {
            let folder = try TemporaryDirectory()
            try folder.write("profile.yaml", broken.profile)
            try folder.write("enterprises.csv", broken.register)
            if !broken.rules.isEmpty { try folder.write("rules/extra.yaml", broken.rules) }
            let error = try #require(throws: ProfileError.self) { try ProfileFolder.load(folder.url.path) }
            for issue in error.issues {
                Self.expectChinese(issue)
                seen += 1
            }
            #expect(error.description(in: .chinese).hasPrefix("风险配置有 \(error.errors.count) 处错误"))
        }
        #expect(seen >= 45, "the broken profiles reach \(seen) messages; they should reach most of the loader's")
    }

    @Test func warningsOfTheReviewAndOfTheRegisterHaveChineseMessages() throws {
        let yaml = ProfileFixture.profileYAML(
            rules: """
                  - {id: NEVER, reason: a, when: {direction: export, format: CEB621}, weight: 1}
                  - {id: OLD, kind: alert, reason: b, when: {item.hs: "9999"}, weight: 1, valid: {until: 2020-01-01}}
                  - {id: NOBODY, reason: c, when: {seller.code: "0000000000"}, weight: 1}
                  - {id: IDLE, reason: d, when: {direction: import}}
                """)
        let folder = try TemporaryDirectory()
        try folder.write("profile.yaml", yaml)
        try folder.write("enterprises.csv", ProfileFixture.register)
        let (profile, loaderWarnings) = try ProfileFolder.load(folder.url.path)
        let review = ProfileReview(profile: profile, now: CivilTime(iso: "2026-11-15T10:30:00")!).warnings()
        #expect(review.count >= 3)
        #expect(loaderWarnings.contains { $0.text.chinese?.contains("触发后不改变任何结果") == true })
        for issue in review + loaderWarnings { Self.expectChinese(issue) }
    }

    @Test func aRefusedBundleAndAnEmptyTestsFolderSayWhyInChinese() throws {
        let error = try #require(throws: ProfileError.self) {
            try ProfileBundle(files: ["../escape.yaml": "x"])
        }
        #expect(error.issues.count == 2)
        for issue in error.issues { Self.expectChinese(issue) }
        let cases = try #require(throws: ProfileError.self) {
            try ProfileTestLoader().load(
                files: ["a.yaml": "name: x\ndeclaration: {id: A}\nmessage: m.xml\nexpect: {lane: fast}\n"],
                folder: "tests")
        }
        for issue in cases.issues { Self.expectChinese(issue) }
        #expect(cases.issues.contains { $0.text.chinese == "`declaration` 和 `message` 只能给一个" })
    }

    @Test func theLanguageComesFromAcceptLanguageOrTheLocale() {
        #expect(OperatorLanguage(acceptLanguage: "zh-CN,zh;q=0.9,en;q=0.8") == .chinese)
        #expect(OperatorLanguage(acceptLanguage: "en-GB,zh;q=0.5") == .english)
        #expect(OperatorLanguage(acceptLanguage: "fr, zh;q=0.4, en;q=0.3") == .chinese)
        #expect(OperatorLanguage(acceptLanguage: "zh;q=0, en") == .english)
        #expect(OperatorLanguage(acceptLanguage: nil) == .english)
        #expect(OperatorLanguage(environment: ["LANG": "zh_CN.UTF-8"]) == .chinese)
        #expect(OperatorLanguage(environment: ["LC_ALL": "en_US.UTF-8", "LANG": "zh_CN.UTF-8"]) == .english)
        #expect(OperatorLanguage(environment: ["LC_ALL": "", "LC_MESSAGES": "zh_TW", "LANG": "C"]) == .chinese)
        #expect(OperatorLanguage(environment: ["LANG": "C.UTF-8"]) == .english)
    }

    /// The issue has a Chinese message: Han characters, not the English words, and the same place.
    static func expectChinese(_ issue: ProfileIssue, sourceLocation: SourceLocation = #_sourceLocation) {
        let chinese = issue.description(in: .chinese)
        #expect(
            issue.text.chinese?.unicodeScalars.contains { (0x4E00...0x9FFF).contains($0.value) } == true,
            "no Chinese for: \(issue)", sourceLocation: sourceLocation)
        #expect(chinese != issue.description, "the same in both languages: \(issue)", sourceLocation: sourceLocation)
        #expect(chinese.hasPrefix("\(issue.position): \(issue.severity.rawValue): "), sourceLocation: sourceLocation)
    }
}
