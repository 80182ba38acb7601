public import FastReleaseCore
import FastReleaseFiles
import Foundation

/// Builds small profiles from YAML text for tests.
public enum ProfileFixture {
    /// A register with one enterprise per credit class and list, codes `E1`…`E4`, `RED`, `BLACK`, `ZONE`.
    public static let register = """
        code,name,class,list,zone
        E1,Class one,1,,
        E2,Class two,2,,
        E3,Class three,3,,
        E4,Class four,4,,
        RED,Red listed,1,red,
        BLACK,Black listed,4,black,
        ZONE,Zone member,2,,Demo zone
        """

    /// A profile with the given rules (a YAML list, indented by two spaces per level from
    /// column 0) and optional extra top-level YAML (thresholds, sampling, groups).
    public static func profileYAML(
        rules: String, thresholds: String? = nil, sampling: String? = nil, extra: String = ""
    ) -> String {
        """
        format: 1
        name: test
        timezone: "+08:00"
        enterprises:
          register: enterprises.csv
          roles: [seller, declarant]
          unregistered_class: 3
        country_groups:
          EU: [DE, FR, IT]
          ASIA: [JP, KR, CN]
        lanes:
          thresholds:
        \(thresholds ?? "    document: 20\n    sample-release: 40\n    inspect-release: 60\n    hold: 90")
        sampling:
        \(sampling ?? "  lane: sample-release\n  rates: {1: 0, 2: 0, 3: 0, 4: 0}")
        \(extra)
        rules:
        \(rules)
        """
    }

    /// Writes a profile folder and loads and compiles it, with `seeds` attached (the YAML must
    /// publish their commitments: ``commitments(_:)``).
    public static func compile(
        _ yaml: String, register: String = register, seeds: SamplingSeeds? = nil
    ) throws -> CompiledProfile {
        let folder = try TemporaryDirectory()
        try folder.write("profile.yaml", yaml)
        try folder.write("enterprises.csv", register)
        let (profile, _) = try ProfileFolder.load(folder.url.path)
        guard let seeds else { return CompiledProfile(profile) }
        return CompiledProfile(try seeds.attach(to: profile, source: "test seeds"))
    }

    /// The `commitments:` line of a `sampling:` block for these seeds.
    public static func commitments(_ seeds: SamplingSeeds) -> String {
        let pairs = seeds.byPeriod.sorted { $0.key < $1.key }.map {
            "\"\($0.key)\": \(SamplingSeeds.commitment(to: $0.value))"
        }
        return "  commitments: {\(pairs.joined(separator: ", "))}"
    }

    /// Compiles a profile with only the given rules and default settings.
    public static func compile(rules: String) throws -> CompiledProfile {
        try compile(profileYAML(rules: rules))
    }

    /// The shipped default profile, compiled.
    public static func compiledDefault() throws -> CompiledProfile {
        CompiledProfile(try ProfileFolder.load(Fixtures.defaultProfile.path).profile)
    }
}
