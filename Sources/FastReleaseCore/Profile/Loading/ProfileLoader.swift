import Foundation
internal import Yams

/// Reads a profile (`profile.yaml`, its rule files and its enterprise register) from the
/// texts of a ``ProfileBundle`` into a ``RiskProfile``, reporting every mistake at once. It
/// does no file I/O: `FastReleaseFiles` reads a folder into a bundle, an upload arrives as one.
///
/// ```swift
/// let bundle = try ProfileBundle(files: ["profile.yaml": yaml, "enterprises.csv": csv])
/// let (profile, warnings) = try ProfileLoader().load(bundle, name: "uploaded")
/// let compiled = CompiledProfile(profile)
/// ```
public struct ProfileLoader: Sendable {
    /// The profile format version this loader reads.
    public static let formatVersion = 1

    /// Creates a loader.
    public init() {}

    /// Loads and checks a profile.
    ///
    /// - Parameters:
    ///   - bundle: the profile's files.
    ///   - name: the profile's name when `profile.yaml` gives none (a folder's name).
    ///   - sourcePrefix: put before each file's path in messages (a folder's path and `/`).
    /// - Returns: the profile and any warnings.
    /// - Throws: ``ProfileError`` listing every error (file:line:column and what to fix).
    public func load(_ bundle: ProfileBundle, name: String, sourcePrefix: String = "") throws(ProfileError) -> (
        profile: RiskProfile, warnings: [ProfileIssue]
    ) {
        let diagnostics = ProfileDiagnostics()
        let profile = read(ProfileFiles(bundle: bundle, prefix: sourcePrefix), name: name, diagnostics: diagnostics)
        if diagnostics.hasErrors || profile == nil {
            throw ProfileError(issues: diagnostics.sortedIssues)
        }
        return (profile!, diagnostics.sortedIssues)
    }

    private func read(_ files: ProfileFiles, name: String, diagnostics: ProfileDiagnostics) -> RiskProfile? {
        let mainPath = files.displayPath("profile.yaml")
        let file = YAMLFile(path: mainPath, diagnostics: diagnostics)
        guard let text = files.text("profile.yaml") else {
            diagnostics.error(
                SourcePosition(source: mainPath, line: 1, column: 1),
                "cannot read \(mainPath); a profile directory holds profile.yaml")
            return nil
        }
        guard let root = file.parse(text) else { return nil }
        let keys = [
            "format", "name", "description", "timezone", "language", "enterprises", "country_groups", "lanes",
            "sampling", "rules",
        ]
        guard let entries = file.mapping(root, "profile.yaml", allowed: keys) else { return nil }
        var profile = RiskProfile(name: name)
        var seen = Set<String>()
        var ruleNodes: [Node] = []
        for entry in entries {
            seen.insert(entry.key)
            switch entry.key {
            case "format":
                if let version = file.integer(entry.value, "format", in: 0...Int.max), version != Self.formatVersion {
                    file.error(
                        entry.value, "this FastRelease reads profile format \(Self.formatVersion), not \(version)")
                }
            case "name": profile.name = file.nonEmptyString(entry.value, "name") ?? profile.name
            case "description": profile.summary = file.string(entry.value, "description") ?? ""
            case "timezone": profile.timeZoneOffsetSeconds = readOffset(entry.value, file) ?? 0
            case "language":
                if let code = file.string(entry.value, "language") {
                    if RuleReader.isLanguageCode(code) {
                        profile.language = code
                    } else {
                        file.error(entry.value, "language must be a language code such as en or zh, found `\(code)`")
                    }
                }
            case "enterprises": readEnterprises(entry.value, file, files: files, into: &profile)
            case "country_groups": profile.countryGroups = readCountryGroups(entry.value, file)
            case "lanes": profile.thresholds = readLanes(entry.value, file)
            case "sampling": profile.sampling = readSampling(entry.value, file)
            case "rules": ruleNodes.append(entry.value)
            default: break
            }
        }
        for required in ["format", "sampling", "rules"] where !seen.contains(required) {
            file.error(root, "profile.yaml has no `\(required)`; add it (see docs/profiles.md)")
        }
        let rulesReader = RuleReader(groups: Set(profile.countryGroups.keys))
        profile.rules = ruleNodes.flatMap { rulesReader.readRuleList($0, file, files: files) }
        RuleReader.pickLanguage(profile.language, of: &profile.rules, diagnostics: diagnostics)
        rulesReader.checkUniqueIDs(profile.rules, diagnostics: diagnostics)
        return profile
    }

    // MARK: Sections

    private func readOffset(_ node: Node, _ file: YAMLFile) -> Int? {
        guard let text = file.string(node, "timezone") else { return nil }
        let bytes = Array(text.utf8)
        let digits = bytes.dropFirst().filter { $0 != UInt8(ascii: ":") }
        guard bytes.count == 6, [UInt8(ascii: "+"), UInt8(ascii: "-")].contains(bytes[0]),
            bytes[3] == UInt8(ascii: ":"),
            digits.count == 4, digits.allSatisfy({ (48...57).contains($0) })
        else {
            file.error(node, "timezone must be an offset such as `+08:00`, found `\(text)`")
            return nil
        }
        let number = digits.reduce(0) { $0 * 10 + Int($1 - 48) }
        let seconds = (number / 100) * 3600 + (number % 100) * 60
        return bytes[0] == UInt8(ascii: "-") ? -seconds : seconds
    }

    private func readEnterprises(_ node: Node, _ file: YAMLFile, files: ProfileFiles, into profile: inout RiskProfile) {
        guard let entries = file.mapping(node, "enterprises", allowed: ["register", "roles", "unregistered_class"])
        else {
            return
        }
        for entry in entries {
            switch entry.key {
            case "register":
                guard let name = file.nonEmptyString(entry.value, "enterprises.register") else { continue }
                let path = files.displayPath(name)
                guard let text = files.text(name) else {
                    file.error(entry.value, "cannot read \(path); the register is named relative to the profile folder")
                    continue
                }
                profile.register = RegisterReader(path: path, diagnostics: file.diagnostics).read(text)
            case "roles":
                guard let values = file.list(entry.value, "enterprises.roles") else { continue }
                profile.enterpriseRoles = values.compactMap { value in
                    guard let role = PartyRole(rawValue: value.text) else {
                        let names = PartyRole.allCases.map(\.rawValue).joined(separator: ", ")
                        file.error(value.node, "unknown party role `\(value.text)`; use one of: \(names)")
                        return nil
                    }
                    return role
                }
            case "unregistered_class":
                profile.unregisteredClass = file.integer(entry.value, "enterprises.unregistered_class", in: 1...4) ?? 3
            default: break
            }
        }
    }

    private func readCountryGroups(_ node: Node, _ file: YAMLFile) -> [String: Set<CountryCode>] {
        guard let entries = file.mapping(node, "country_groups") else { return [:] }
        var groups: [String: Set<CountryCode>] = [:]
        for entry in entries {
            guard let values = file.list(entry.value, "country group \(entry.key)") else { continue }
            var members = Set<CountryCode>()
            for value in values {
                guard let code = CountryCode(value.text) else {
                    file.error(
                        value.node,
                        "`\(value.text)` in country group \(entry.key) is not an ISO 3166 alpha-2 code such as JP")
                    continue
                }
                if !members.insert(code).inserted {
                    file.warning(value.node, "\(code) is listed twice in country group \(entry.key)")
                }
            }
            groups[entry.key] = members
        }
        return groups
    }

    private func readLanes(_ node: Node, _ file: YAMLFile) -> [Lane: Int] {
        guard let entries = file.mapping(node, "lanes", allowed: ["thresholds"]) else { return [:] }
        var thresholds: [Lane: Int] = [:]
        for entry in entries {
            let names = Lane.allCases.dropFirst().map(\.name)
            guard let pairs = file.mapping(entry.value, "lanes.thresholds", allowed: names) else { continue }
            for pair in pairs {
                guard let lane = Lane(name: pair.key),
                    let score = file.integer(pair.value, "threshold for \(pair.key)", in: -1_000_000...1_000_000)
                else {
                    continue
                }
                thresholds[lane] = score
            }
            let ordered = thresholds.sorted { $0.key < $1.key }
            for (weaker, stronger) in zip(ordered, ordered.dropFirst()) where stronger.value <= weaker.value {
                file.warning(
                    entry.value,
                    "threshold for \(stronger.key) (\(stronger.value)) is not above the one for \(weaker.key) (\(weaker.value)); the weaker lane will never be reached by score"
                )
            }
        }
        return thresholds
    }

    /// A number from 0 to `upTo` (1 for a share), or an error at its place.
    private func share(_ node: Node, _ what: String, _ file: YAMLFile, upTo limit: Double = 1) -> Double? {
        guard let value = file.number(node, what) else { return nil }
        guard (0...limit).contains(value) else {
            file.error(
                node, "\(what) must be between 0 and \(limit == 1 ? "1 (0.05 is 5 %)" : "\(limit)"), found \(value)")
            return nil
        }
        return value
    }

    private static func isHexDigit(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) || (UInt8(ascii: "a")...UInt8(ascii: "f")).contains(byte)
            || (UInt8(ascii: "A")...UInt8(ascii: "F")).contains(byte)
    }

    private func readSampling(_ node: Node, _ file: YAMLFile) -> SamplingPolicy {
        var policy = SamplingPolicy(rates: [:])
        guard
            let entries = file.mapping(
                node, "sampling",
                allowed: [
                    "lane", "rates", "commitments", "seeds", "minimum_rate", "expected", "window", "examiner_level",
                ])
        else {
            return policy
        }
        for entry in entries {
            switch entry.key {
            case "lane":
                if let name = file.string(entry.value, "sampling.lane") {
                    if let lane = Lane(name: name), lane != .release {
                        policy.lane = lane
                    } else {
                        file.error(
                            entry.value,
                            "sampling.lane must be a lane stronger than release: document, sample-release, inspect-release or hold"
                        )
                    }
                }
            case "rates":
                let classes = ["red", "1", "2", "3", "4", "black"]
                let pairs = file.mapping(entry.value, "sampling.rates", allowed: classes) ?? []
                for pair in pairs {
                    guard let rate = file.number(pair.value, "sampling rate for \(pair.key)") else { continue }
                    guard (0...1).contains(rate) else {
                        file.error(pair.value, "sampling rate must be between 0 and 1 (0.05 is 5 %), found \(rate)")
                        continue
                    }
                    policy.rates[pair.key] = rate
                }
                for required in ["1", "2", "3", "4"] where !pairs.contains(where: { $0.key == required }) {
                    file.error(
                        entry.value,
                        "sampling.rates has no rate for credit class \(required); give one for each class 1-4")
                }
            case "minimum_rate":
                policy.minimumRate = share(entry.value, "sampling.minimum_rate", file) ?? 0
            case "examiner_level":
                policy.examinerLevel = share(entry.value, "sampling.examiner_level", file, upTo: 10) ?? 0.25
            case "window":
                policy.window = file.integer(entry.value, "sampling.window", in: 10...1_000_000) ?? 1000
            case "expected":
                for port in file.mapping(entry.value, "sampling.expected") ?? [] {
                    var lanes: [Lane: Double] = [:]
                    for pair in file.mapping(port.value, "expected rates of port \(port.key)") ?? [] {
                        guard let lane = Lane(name: pair.key), lane != .release else {
                            file.error(
                                pair.keyNode,
                                "expected rates are given for lanes stronger than release (document, sample-release, inspect-release, hold), found `\(pair.key)`"
                            )
                            continue
                        }
                        lanes[lane] = share(pair.value, "expected rate of \(pair.key) at \(port.key)", file)
                    }
                    policy.expected[port.key] = lanes
                }
            case "seeds":
                file.error(
                    entry.keyNode,
                    "seeds in a profile can be read by anyone who reads it, so every draw could be computed in advance; move them to a seeds file (`fastrelease sampling seed`), give it with --seeds or FASTRELEASE_SEEDS, and publish their commitments under sampling.commitments"
                )
            case "commitments":
                for pair in file.mapping(entry.value, "sampling.commitments") ?? [] {
                    guard let commitment = file.nonEmptyString(pair.value, "commitment for \(pair.key)") else {
                        continue
                    }
                    if !SamplingSeeds.isPeriod(pair.key) {
                        file.error(pair.keyNode, "commitment periods are months written `yyyy-MM`, found `\(pair.key)`")
                    } else if commitment.utf8.count != 64 || !commitment.utf8.allSatisfy(Self.isHexDigit) {
                        file.error(
                            pair.value,
                            "a commitment is the SHA-256 of the period's seed in 64 hexadecimal digits (`printf '%s' SEED | sha256sum`), found `\(commitment)`"
                        )
                    } else {
                        policy.commitments[pair.key] = commitment.lowercased()
                    }
                }
            default: break
            }
        }
        return policy
    }
}
