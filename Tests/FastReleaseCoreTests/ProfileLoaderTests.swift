import FastReleaseCore
import FastReleaseFiles
import FastReleaseTestSupport
import Foundation
import Testing

@Suite("Profile loading")
struct ProfileLoaderTests {
    @Test func shippedDefaultProfileLoadsWithoutErrors() throws {
        let (profile, warnings) = try ProfileFolder.load(Fixtures.defaultProfile.path)
        #expect(warnings.filter { $0.severity == .error }.isEmpty)
        #expect(profile.name == "default")
        #expect(profile.rules.count >= 20)
        #expect(profile.register.count >= 10)
        #expect(profile.timeZoneOffsetSeconds == 8 * 3600)
        #expect(
            Set(profile.rules.map(\.kind)) == Set(Rule.Kind.allCases),
            "the default profile has rules, alerts and campaigns")
    }

    @Test func everyErrorIsListedWithFileLineAndColumn() throws {
        let folder = try TemporaryDirectory()
        try folder.write(
            "profile.yaml",
            """
            format: 1
            name: broken
            enterprises:
              register: enterprises.csv
              roles: [seller, shipper]
            lanes:
              thresholds: {document: 20, inspect: 60}
            sampling:
              rates: {1: 0.01, 2: 0.02, 3: 1.5}
              seeds: {default: s}
            rules:
              - rules/extra.yaml
              - id: R1
                reason: Fine
                when:
                  item.hs: {prefix: ["85x"]}
                  country.origin: JP
                weigth: 5
            """)
        try folder.write("enterprises.csv", "code,name,class,list\nA,Alpha,5,\nB,Beta,2,grey\n")
        try folder.write(
            "rules/extra.yaml",
            "rules:\n  - id: R2\n    reason: ok\n    when: {direction: sideways}\n    lane: release-now\n")
        let error = try #require(throws: ProfileError.self) { try ProfileFolder.load(folder.url.path) }
        let text = error.description
        let expectations: [(String, String)] = [
            ("profile.yaml:5:", "unknown party role `shipper`"),
            ("profile.yaml:7:", "unknown key `inspect`"),
            ("profile.yaml:9:", "sampling rate must be between 0 and 1"),
            ("profile.yaml:9:", "no rate for credit class 4"),
            ("profile.yaml:10:", "seeds in a profile can be read by anyone who reads it"),
            ("profile.yaml:16:", "`85x` in prefix of item.hs"),
            ("profile.yaml:17:", "unknown field `country.origin`"),
            ("profile.yaml:17:", "did you mean `item.country.origin`"),
            ("profile.yaml:18:", "unknown key `weigth`"),
            ("enterprises.csv:2:", "credit class of A must be 1, 2, 3 or 4"),
            ("enterprises.csv:3:", "list of B must be red, black or empty"),
            ("extra.yaml:4:", "direction is one of import, export"),
            ("extra.yaml:5:", "lane of rule R2 must be one of"),
        ]
        for (place, message) in expectations {
            let line = text.split(separator: "\n").first { $0.contains(place) && $0.contains(message) }
            #expect(line != nil, "expected an error at \(place) saying \(message) in:\n\(text)")
        }
        #expect(error.errors.count >= expectations.count - 1)
        #expect(error.errors.allSatisfy { $0.position.line > 0 && $0.position.column > 0 })
    }

    @Test func yamlSyntaxErrorsPointAtTheirPlace() throws {
        let folder = try TemporaryDirectory()
        try folder.write("profile.yaml", "format: 1\nsampling:\n  rates: [1, 2\nrules: []\n")
        let error = try #require(throws: ProfileError.self) { try ProfileFolder.load(folder.url.path) }
        #expect(error.errors.count == 1)
        #expect(error.errors[0].position.source.hasSuffix("profile.yaml"))
        #expect(error.errors[0].message.contains("YAML syntax"))
        #expect(error.errors[0].position.line >= 3)
    }

    @Test func missingProfileDirectorySaysWhatToDo() throws {
        let error = try #require(throws: ProfileError.self) {
            try ProfileFolder.load("/nonexistent/profile")
        }
        #expect(error.description.contains("cannot read /nonexistent/profile/profile.yaml"))
    }

    @Test func duplicateRuleIDsAreErrors() throws {
        let yaml = ProfileFixture.profileYAML(
            rules: """
                  - {id: SAME, reason: a, when: {direction: import}, weight: 1}
                  - {id: SAME, reason: b, when: {direction: export}, weight: 1}
                """)
        let error = try #require(throws: ProfileError.self) { try ProfileFixture.compile(yaml) }
        #expect(error.description.contains("rule id SAME is used twice"))
    }

    @Test func versionChangesWithContentNotWithLayout() throws {
        let rules = "  - {id: R, reason: r, when: {direction: import}, weight: 5}"
        let first = try ProfileFixture.compile(ProfileFixture.profileYAML(rules: rules))
        let reformatted = try ProfileFixture.compile(
            ProfileFixture.profileYAML(
                rules: "  # a comment\n  - id: R\n    reason: r\n    when:\n      direction: import\n    weight: 5"))
        let changed = try ProfileFixture.compile(
            ProfileFixture.profileYAML(rules: rules.replacingOccurrences(of: "5}", with: "6}")))
        let otherRegister = try ProfileFixture.compile(
            ProfileFixture.profileYAML(rules: rules), register: ProfileFixture.register + "\nE9,New,2,,")
        #expect(first.version == reformatted.version)
        #expect(first.version != changed.version)
        #expect(first.version != otherRegister.version, "the register is part of the version")
        #expect(first.version.hasPrefix("test@"))
    }
}
