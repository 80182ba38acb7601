public import FastReleaseCore
import Foundation

/// Profiles of many rules for scoring benchmarks: the kinds of conditions real profiles hold
/// (HS prefixes and ranges, countries, enterprises, trade modes and values, documents) in a
/// fixed mix, so that 500 and 5,000 rules can be compared.
public enum SyntheticProfile {
    /// The seeds of the corpus's period (the corpus is dated November 2026), so that every
    /// declaration is drawn as in a real profile: 64 characters, the length
    /// `fastrelease sampling seed` makes (a shorter seed would hash one more block per draw).
    static let seeds = SamplingSeeds([
        "2026-11": "5f0c2d9e8a7b6c4d3e2f1a0b9c8d7e6f5a4b3c2d1e0f9a8b7c6d5e4f3a2b1c0d"
    ])

    /// Compiles a profile of `rules` rules over an enterprise register (CSV text).
    public static func make(rules count: Int, register: String) throws -> CompiledProfile {
        let bundle = try ProfileBundle(files: ["profile.yaml": yaml(rules: count), "enterprises.csv": register])
        let profile = try ProfileLoader().load(bundle, name: "synthetic-\(count)").profile
        return CompiledProfile(try seeds.attach(to: profile, source: "synthetic"))
    }

    /// The profile's YAML.
    public static func yaml(rules count: Int) -> String {
        let countries = ["JP", "KR", "US", "AU", "DE", "FR", "NZ", "GB", "IT", "NL", "CA", "TH", "RU"]
        var rules = ""
        for number in 0..<count {
            let hs = String(format: "%04d", 100 + (number * 37) % 9600)
            let country = countries[number % countries.count]
            let condition: String
            switch number % 8 {
            case 0, 1: condition = "{item.hs: [\"\(hs)\"]}"
            case 2: condition = "{item.hs: [\"\(hs)\"], item.country.origin: \(country)}"
            case 3:
                condition =
                    "{item.hs: {range: [\"\(hs)\", \"\(String(format: "%04d", Int(hs)! + 3))\"]}, enterprise.class: {min: 3}}"
            case 4: condition = "{enterprise.code: \"3302\(String(format: "%06d", number))\"}"
            case 5: condition = "{country.destination: \(country), item.hs: [\"\(hs.prefix(2))\"], direction: export}"
            case 6: condition = "{procedure: \"1210\", item.hs: [\"\(hs)\"], value.total: {above: \(number % 3000)}}"
            default: condition = "{documents: {has: [\"D\(number)\"]}}"
            }
            rules +=
                "  - {id: R\(number), reason: synthetic rule \(number), weight: \(number % 20), when: \(condition)}\n"
        }
        return """
            format: 1
            name: synthetic-\(count)
            timezone: "+08:00"
            enterprises: {register: enterprises.csv, roles: [seller, exporter, declarant], unregistered_class: 3}
            lanes: {thresholds: {document: 20, sample-release: 40, inspect-release: 60, hold: 90}}
            sampling:
              rates: {red: 0.002, 1: 0.005, 2: 0.02, 3: 0.05, 4: 0.2, black: 0.5}
              commitments: {"2026-11": \(SamplingSeeds.commitment(to: seeds.byPeriod["2026-11"]!))}
            rules:
            \(rules)
            """
    }
}
