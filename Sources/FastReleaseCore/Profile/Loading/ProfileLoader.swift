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
                en: "cannot read \(mainPath); a profile directory holds profile.yaml",
                zh: "无法读取 \(mainPath)；风险配置目录中应有 profile.yaml")
            return nil
        }
        guard let root = file.parse(text) else { return nil }
        let keys = [
            "format", "name", "description", "timezone", "language", "enterprises", "country_groups", "lanes",
            "sampling", "rules",
        ]
        guard let entries = file.mapping(root, .name("profile.yaml"), allowed: keys) else { return nil }
        var profile = RiskProfile(name: name)
        var seen = Set<String>()
        var ruleNodes: [Node] = []
        for entry in entries {
            seen.insert(entry.key)
            switch entry.key {
            case "format":
                if let version = file.integer(entry.value, .name("format"), in: 0...Int.max),
                    version != Self.formatVersion
                {
                    file.error(
                        entry.value, en: "this FastRelease reads profile format \(Self.formatVersion), not \(version)",
                        zh: "此版本的 FastRelease 读取第 \(Self.formatVersion) 版风险配置格式，不读第 \(version) 版")
                }
            case "name": profile.name = file.nonEmptyString(entry.value, .name("name")) ?? profile.name
            case "description": profile.summary = file.string(entry.value, .name("description")) ?? ""
            case "timezone": profile.timeZoneOffsetSeconds = readOffset(entry.value, file) ?? 0
            case "language":
                if let code = file.string(entry.value, .name("language")) {
                    if RuleReader.isLanguageCode(code) {
                        profile.language = code
                    } else {
                        file.error(
                            entry.value, en: "language must be a language code such as en or zh, found `\(code)`",
                            zh: "language 应为语言代码（如 en 或 zh），实际是 `\(code)`")
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
            file.error(
                root, en: "profile.yaml has no `\(required)`; add it (see docs/profiles.md)",
                zh: "profile.yaml 缺少 `\(required)`；请补上（见 docs/profiles.md）")
        }
        let rulesReader = RuleReader(groups: Set(profile.countryGroups.keys))
        profile.rules = ruleNodes.flatMap { rulesReader.readRuleList($0, file, files: files) }
        RuleReader.pickLanguage(profile.language, of: &profile.rules, diagnostics: diagnostics)
        rulesReader.checkUniqueIDs(profile.rules, diagnostics: diagnostics)
        return profile
    }

    // MARK: Sections

    private func readOffset(_ node: Node, _ file: YAMLFile) -> Int? {
        guard let text = file.string(node, .name("timezone")) else { return nil }
        let bytes = Array(text.utf8)
        let digits = bytes.dropFirst().filter { $0 != UInt8(ascii: ":") }
        guard bytes.count == 6, [UInt8(ascii: "+"), UInt8(ascii: "-")].contains(bytes[0]),
            bytes[3] == UInt8(ascii: ":"),
            digits.count == 4, digits.allSatisfy({ (48...57).contains($0) })
        else {
            file.error(
                node, en: "timezone must be an offset such as `+08:00`, found `\(text)`",
                zh: "timezone 应为时差，如 `+08:00`，实际是 `\(text)`")
            return nil
        }
        let number = digits.reduce(0) { $0 * 10 + Int($1 - 48) }
        let seconds = (number / 100) * 3600 + (number % 100) * 60
        return bytes[0] == UInt8(ascii: "-") ? -seconds : seconds
    }

    private func readEnterprises(_ node: Node, _ file: YAMLFile, files: ProfileFiles, into profile: inout RiskProfile) {
        let allowed = ["register", "roles", "unregistered_class"]
        guard let entries = file.mapping(node, .name("enterprises"), allowed: allowed) else { return }
        for entry in entries {
            switch entry.key {
            case "register":
                guard let name = file.nonEmptyString(entry.value, .name("enterprises.register")) else { continue }
                let path = files.displayPath(name)
                guard let text = files.text(name) else {
                    file.error(
                        entry.value, en: "cannot read \(path); the register is named relative to the profile folder",
                        zh: "无法读取 \(path)；企业名录的路径相对于风险配置目录")
                    continue
                }
                profile.register = RegisterReader(path: path, diagnostics: file.diagnostics).read(text)
            case "roles":
                guard let values = file.list(entry.value, .name("enterprises.roles")) else { continue }
                profile.enterpriseRoles = values.compactMap { value in
                    guard let role = PartyRole(rawValue: value.text) else {
                        let names = PartyRole.allCases.map(\.rawValue).joined(separator: ", ")
                        file.error(
                            value.node, en: "unknown party role `\(value.text)`; use one of: \(names)",
                            zh: "没有 `\(value.text)` 这种企业角色；可用：\(names)")
                        return nil
                    }
                    return role
                }
            case "unregistered_class":
                profile.unregisteredClass =
                    file.integer(entry.value, .name("enterprises.unregistered_class"), in: 1...4) ?? 3
            default: break
            }
        }
    }

    private func readCountryGroups(_ node: Node, _ file: YAMLFile) -> [String: Set<CountryCode>] {
        guard let entries = file.mapping(node, .name("country_groups")) else { return [:] }
        var groups: [String: Set<CountryCode>] = [:]
        for entry in entries {
            let group = OperatorText(en: "country group \(entry.key)", zh: "国家组 \(entry.key) ")
            guard let values = file.list(entry.value, group) else { continue }
            var members = Set<CountryCode>()
            for value in values {
                guard let code = CountryCode(value.text) else {
                    file.error(
                        value.node,
                        en: "`\(value.text)` in country group \(entry.key) is not an ISO 3166 alpha-2 code such as JP",
                        zh: "国家组 \(entry.key) 中的 `\(value.text)` 不是 ISO 3166 两字母代码（如 JP）")
                    continue
                }
                if !members.insert(code).inserted {
                    file.warning(
                        value.node, en: "\(code) is listed twice in country group \(entry.key)",
                        zh: "\(code) 在国家组 \(entry.key) 中列了两次")
                }
            }
            groups[entry.key] = members
        }
        return groups
    }

    private func readLanes(_ node: Node, _ file: YAMLFile) -> [Lane: Int] {
        guard let entries = file.mapping(node, .name("lanes"), allowed: ["thresholds"]) else { return [:] }
        var thresholds: [Lane: Int] = [:]
        for entry in entries {
            let names = Lane.allCases.dropFirst().map(\.name)
            guard let pairs = file.mapping(entry.value, .name("lanes.thresholds"), allowed: names) else { continue }
            for pair in pairs {
                guard let lane = Lane(name: pair.key),
                    let score = file.integer(
                        pair.value, OperatorText(en: "threshold for \(pair.key)", zh: "\(pair.key) 的阈值"),
                        in: -1_000_000...1_000_000)
                else {
                    continue
                }
                thresholds[lane] = score
            }
            let ordered = thresholds.sorted { $0.key < $1.key }
            for (weaker, stronger) in zip(ordered, ordered.dropFirst()) where stronger.value <= weaker.value {
                file.warning(
                    entry.value,
                    en: "threshold for \(stronger.key) (\(stronger.value)) is not above the one for "
                        + "\(weaker.key) (\(weaker.value)); the weaker lane will never be reached by score",
                    zh: "\(stronger.key) 的阈值（\(stronger.value)）不高于 \(weaker.key) 的阈值（\(weaker.value)）；"
                        + "较弱的通道永远不会因分数而进入")
            }
        }
        return thresholds
    }

    /// A number from 0 to `upTo` (1 for a share), or an error at its place.
    private func share(_ node: Node, _ what: OperatorText, _ file: YAMLFile, upTo limit: Double = 1) -> Double? {
        guard let value = file.number(node, what) else { return nil }
        guard (0...limit).contains(value) else {
            file.error(
                node,
                en:
                    "\(what.english) must be between 0 and \(limit == 1 ? "1 (0.05 is 5 %)" : "\(limit)"), found \(value)",
                zh: "\(what.zh)应在 0 到 \(limit == 1 ? "1 之间（0.05 即 5%）" : "\(limit) 之间")，实际是 \(value)")
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
                node, .name("sampling"),
                allowed: [
                    "lane", "rates", "commitments", "seeds", "minimum_rate", "expected", "window", "examiner_level",
                ])
        else {
            return policy
        }
        for entry in entries {
            switch entry.key {
            case "lane":
                if let name = file.string(entry.value, .name("sampling.lane")) {
                    if let lane = Lane(name: name), lane != .release {
                        policy.lane = lane
                    } else {
                        file.error(
                            entry.value,
                            en: "sampling.lane must be a lane stronger than release: "
                                + "document, sample-release, inspect-release or hold",
                            zh: "sampling.lane 应为比 release 更强的通道：document、sample-release、inspect-release 或 hold")
                    }
                }
            case "rates":
                let classes = ["red", "1", "2", "3", "4", "black"]
                let pairs = file.mapping(entry.value, .name("sampling.rates"), allowed: classes) ?? []
                for pair in pairs {
                    let what = OperatorText(en: "sampling rate for \(pair.key)", zh: "\(pair.key) 的抽样率")
                    guard let rate = file.number(pair.value, what) else { continue }
                    guard (0...1).contains(rate) else {
                        file.error(
                            pair.value, en: "sampling rate must be between 0 and 1 (0.05 is 5 %), found \(rate)",
                            zh: "抽样率应在 0 到 1 之间（0.05 即 5%），实际是 \(rate)")
                        continue
                    }
                    policy.rates[pair.key] = rate
                }
                for required in ["1", "2", "3", "4"] where !pairs.contains(where: { $0.key == required }) {
                    file.error(
                        entry.value,
                        en: "sampling.rates has no rate for credit class \(required); give one for each class 1-4",
                        zh: "sampling.rates 缺少信用等级 \(required) 的抽样率；1 到 4 级每级都要给出")
                }
            case "minimum_rate":
                policy.minimumRate = share(entry.value, .name("sampling.minimum_rate"), file) ?? 0
            case "examiner_level":
                policy.examinerLevel = share(entry.value, .name("sampling.examiner_level"), file, upTo: 10) ?? 0.25
            case "window":
                policy.window = file.integer(entry.value, .name("sampling.window"), in: 10...1_000_000) ?? 1000
            case "expected":
                for port in file.mapping(entry.value, .name("sampling.expected")) ?? [] {
                    var lanes: [Lane: Double] = [:]
                    let rates = OperatorText(en: "expected rates of port \(port.key)", zh: "口岸 \(port.key) 的预期比率")
                    for pair in file.mapping(port.value, rates) ?? [] {
                        guard let lane = Lane(name: pair.key), lane != .release else {
                            file.error(
                                pair.keyNode,
                                en: "expected rates are given for lanes stronger than release "
                                    + "(document, sample-release, inspect-release, hold), found `\(pair.key)`",
                                zh: "预期比率只针对比 release 更强的通道"
                                    + "（document、sample-release、inspect-release、hold），实际是 `\(pair.key)`")
                            continue
                        }
                        let rate = OperatorText(
                            en: "expected rate of \(pair.key) at \(port.key)", zh: "口岸 \(port.key) 的 \(pair.key) 预期比率")
                        lanes[lane] = share(pair.value, rate, file)
                    }
                    policy.expected[port.key] = lanes
                }
            case "seeds":
                file.error(
                    entry.keyNode,
                    en: "seeds in a profile can be read by anyone who reads it, so every draw could be computed "
                        + "in advance; move them to a seeds file (`fastrelease sampling seed`), give it with --seeds "
                        + "or FASTRELEASE_SEEDS, and publish their commitments under sampling.commitments",
                    zh: "写在风险配置里的种子，任何能读配置的人都能看到，每次抽取都可被提前算出；"
                        + "请移到种子文件（`fastrelease sampling seed`），用 --seeds 或 FASTRELEASE_SEEDS 指定，"
                        + "并在 sampling.commitments 下公布其承诺值")
            case "commitments":
                for pair in file.mapping(entry.value, .name("sampling.commitments")) ?? [] {
                    let what = OperatorText(en: "commitment for \(pair.key)", zh: "\(pair.key) 的承诺值")
                    guard let commitment = file.nonEmptyString(pair.value, what) else { continue }
                    if !SamplingSeeds.isPeriod(pair.key) {
                        file.error(
                            pair.keyNode, en: "commitment periods are months written `yyyy-MM`, found `\(pair.key)`",
                            zh: "承诺值的期间是月份，写作 `yyyy-MM`，实际是 `\(pair.key)`")
                    } else if commitment.utf8.count != 64 || !commitment.utf8.allSatisfy(Self.isHexDigit) {
                        file.error(
                            pair.value,
                            en: "a commitment is the SHA-256 of the period's seed in 64 hexadecimal digits "
                                + "(`printf '%s' SEED | sha256sum`), found `\(commitment)`",
                            zh: "承诺值是该期种子的 SHA-256，为 64 位十六进制数（`printf '%s' SEED | sha256sum`），"
                                + "实际是 `\(commitment)`")
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
