import Foundation
internal import Yams

/// Reads rule lists, inline in `profile.yaml` or in included rule files.
struct RuleReader {
    /// Country group names the rules may refer to.
    let groups: Set<String>

    static let ruleKeys = [
        "id", "kind", "reason", "when", "weight", "lane", "lab_tests", "evidence", "valid", "trader",
    ]

    /// Reads a `rules:` list whose entries are rule mappings or names of rule files.
    func readRuleList(_ node: Node, _ file: YAMLFile, files: ProfileFiles) -> [Rule] {
        guard case .sequence(let sequence) = node else {
            file.error(
                node, en: "`rules` must be a list of rules or of rule file names", zh: "`rules` 应为规则列表或规则文件名列表")
            return []
        }
        var rules: [Rule] = []
        for element in sequence {
            if case .scalar(let scalar) = element {
                rules += readRuleFile(named: scalar.string, at: element, from: file, files: files)
            } else if let rule = readRule(element, file) {
                rules.append(rule)
            }
        }
        return rules
    }

    private func readRuleFile(named name: String, at node: Node, from parent: YAMLFile, files: ProfileFiles) -> [Rule] {
        let path = files.displayPath(name)
        guard let text = files.text(name) else {
            parent.error(
                node, en: "cannot read rule file \(path); check the name (it is relative to the profile directory)",
                zh: "无法读取规则文件 \(path)；请检查文件名（相对于风险配置目录）")
            return []
        }
        let file = YAMLFile(path: path, diagnostics: parent.diagnostics)
        guard let root = file.parse(text) else { return [] }
        if case .mapping = root {
            guard let entries = file.mapping(root, OperatorText(en: "rule file", zh: "规则文件"), allowed: ["rules"]) else {
                return []
            }
            return entries.flatMap { readRuleList($0.value, file, files: files) }
        }
        return readRuleList(root, file, files: files)
    }

    /// Reads one rule mapping.
    func readRule(_ node: Node, _ file: YAMLFile) -> Rule? {
        guard let entries = file.mapping(node, OperatorText(en: "a rule", zh: "规则"), allowed: Self.ruleKeys) else {
            return nil
        }
        let values = Dictionary(entries.map { ($0.key, $0) }, uniquingKeysWith: { first, _ in first })
        guard let idEntry = values["id"] else {
            file.error(node, en: "this rule has no `id`; give every rule a unique id", zh: "此规则没有 `id`；请给每条规则一个唯一的 id")
            return nil
        }
        guard let id = file.nonEmptyString(idEntry.value, OperatorText(en: "rule id", zh: "规则 id ")) else { return nil }
        var rule = Rule(id: id, reason: "", conditions: [], position: file.position(node))
        let reason = OperatorText(en: "reason of rule \(id)", zh: "规则 \(id) 的理由")
        if let entry = values["reason"] {
            if case .mapping = entry.value {
                rule.reasons = readTexts(entry.value, file, reason)
            } else {
                rule.reason = file.nonEmptyString(entry.value, reason) ?? ""
            }
        } else {
            file.error(
                node, en: "rule \(id) has no `reason`; write the plain reason decisions will show",
                zh: "规则 \(id) 没有 `reason`；请写明决定中显示的理由")
        }
        let notice = OperatorText(en: "trader notice of rule \(id)", zh: "规则 \(id) 给企业的提示")
        if let entry = values["trader"] {
            if case .mapping = entry.value {
                rule.traderNotices = readTexts(entry.value, file, notice)
            } else {
                rule.traderNotice = file.nonEmptyString(entry.value, notice) ?? ""
            }
        }
        let kind = OperatorText(en: "kind of rule \(id)", zh: "规则 \(id) 的类型")
        if let entry = values["kind"], let text = file.string(entry.value, kind) {
            if let kind = Rule.Kind(rawValue: text) {
                rule.kind = kind
            } else {
                file.error(
                    entry.value, en: "kind of rule \(id) must be rule, alert or campaign, found `\(text)`",
                    zh: "规则 \(id) 的类型应为 rule、alert 或 campaign，实际是 `\(text)`")
            }
        }
        if let entry = values["weight"] {
            let weight = OperatorText(en: "weight of rule \(id)", zh: "规则 \(id) 的权重")
            rule.weight = file.integer(entry.value, weight, in: -10_000...10_000) ?? 0
        }
        let lane = OperatorText(en: "lane of rule \(id)", zh: "规则 \(id) 的通道")
        if let entry = values["lane"], let text = file.string(entry.value, lane) {
            if let lane = Lane(name: text) {
                rule.lane = lane
            } else {
                let names = Lane.allCases.map(\.name).joined(separator: ", ")
                file.error(
                    entry.value, en: "lane of rule \(id) must be one of \(names), found `\(text)`",
                    zh: "规则 \(id) 的通道应为以下之一：\(names)，实际是 `\(text)`")
            }
        }
        if let entry = values["lab_tests"] {
            let labTests = OperatorText(en: "lab_tests of rule \(id)", zh: "规则 \(id) 的 lab_tests ")
            rule.labTests = (file.list(entry.value, labTests) ?? []).map(\.text)
            if rule.lane == nil, !rule.labTests.isEmpty { rule.lane = .sampleRelease }
        }
        if let entry = values["evidence"] {
            rule.evidence = readEvidence(entry.value, file, rule: rule)
        }
        if let entry = values["valid"] {
            rule.window = readWindow(entry.value, file, ruleID: id)
        }
        if rule.kind != .rule, rule.window?.until == nil {
            file.error(
                node, en: "\(rule.kind.rawValue) \(id) has no end; give it `valid: {from: …, until: …}`",
                zh: "\(rule.kind.rawValue) \(id) 没有结束时间；请写 `valid: {from: …, until: …}`")
        }
        if let entry = values["when"] {
            rule.conditions = readConditions(entry.value, file, ruleID: id)
        } else {
            file.error(
                node, en: "rule \(id) has no `when`; list the conditions under which it fires",
                zh: "规则 \(id) 没有 `when`；请列出触发它的条件")
        }
        if rule.weight == 0, rule.lane == nil, rule.labTests.isEmpty {
            file.warning(
                node, en: "rule \(id) has no weight, lane or lab tests, so firing changes nothing",
                zh: "规则 \(id) 没有权重、通道或检验项目，触发后不改变任何结果")
        }
        return rule
    }

    /// A text per language, `{en: …, zh: …}`; the one in the profile's language is picked once
    /// the whole profile is read (``ProfileLoader``).
    private func readTexts(_ node: Node, _ file: YAMLFile, _ what: OperatorText) -> [String: String] {
        var texts: [String: String] = [:]
        for entry in file.mapping(node, what) ?? [] {
            guard Self.isLanguageCode(entry.key) else {
                file.error(
                    entry.value, en: "\(what.english): `\(entry.key)` is not a language code such as en or zh",
                    zh: "\(what.zh)：`\(entry.key)` 不是语言代码（如 en 或 zh）")
                continue
            }
            let inLanguage = OperatorText(en: "\(what.english) in \(entry.key)", zh: "\(what.zh)（\(entry.key)）")
            texts[entry.key] = file.nonEmptyString(entry.value, inLanguage)
        }
        if texts.isEmpty {
            file.error(
                node, en: "\(what.english) gives no text; write it as `{en: …, zh: …}` or as one text",
                zh: "\(what.zh)没有给出文字；请写成 `{en: …, zh: …}` 或一段文字")
        }
        return texts
    }

    /// Two or three lower-case letters (ISO 639-1 or 639-2), such as `en` or `zh`.
    static func isLanguageCode(_ text: String) -> Bool {
        (2...3).contains(text.utf8.count)
            && text.utf8.allSatisfy { (UInt8(ascii: "a")...UInt8(ascii: "z")).contains($0) }
    }

    /// Puts each rule's reason and trader notice in `language` from the texts it gives per
    /// language, and reports a rule that gives texts per language but none in `language`.
    static func pickLanguage(_ language: String, of rules: inout [Rule], diagnostics: ProfileDiagnostics) {
        for index in rules.indices where !rules[index].reasons.isEmpty || !rules[index].traderNotices.isEmpty {
            var rule = rules[index]
            let texts = [(rule.reasons, "reason", "理由"), (rule.traderNotices, "trader notice", "给企业的提示")]
            for (texts, english, chinese) in texts where !texts.isEmpty && texts[language] == nil {
                let given = texts.keys.sorted().joined(separator: ", ")
                diagnostics.error(
                    rule.position,
                    en: "rule \(rule.id) gives its \(english) in \(given) but not in \(language), "
                        + "the profile's language; add `\(language):`",
                    zh: "规则 \(rule.id) 的\(chinese)只有 \(given)，没有风险配置的语言 \(language)；请加上 `\(language):`")
            }
            if let text = rule.reasons.removeValue(forKey: language) { rule.reason = text }
            if let text = rule.traderNotices.removeValue(forKey: language) { rule.traderNotice = text }
            rules[index] = rule
        }
    }

    private func readEvidence(_ node: Node, _ file: YAMLFile, rule: Rule) -> [EvidenceKind] {
        var kinds: [EvidenceKind] = []
        let evidence = OperatorText(en: "evidence of rule \(rule.id)", zh: "规则 \(rule.id) 的证据")
        for (text, element) in file.list(node, evidence) ?? [] {
            guard let kind = EvidenceKind(rawValue: text) else {
                let names = EvidenceKind.allCases.map(\.rawValue).joined(separator: ", ")
                file.error(
                    element, en: "evidence of rule \(rule.id) must be some of \(names), found `\(text)`",
                    zh: "规则 \(rule.id) 的证据应取自 \(names)，实际是 `\(text)`")
                continue
            }
            if kinds.contains(kind) {
                file.error(
                    element, en: "evidence of rule \(rule.id) names \(text) twice; name it once",
                    zh: "规则 \(rule.id) 的证据重复写了 \(text)；只写一次")
            } else {
                kinds.append(kind)
            }
        }
        if !kinds.isEmpty, rule.labTests.isEmpty {
            file.error(
                node,
                en: "rule \(rule.id) names evidence but requires no lab tests; "
                    + "evidence stands in for `lab_tests`, so list them",
                zh: "规则 \(rule.id) 写了证据却没有检验项目；证据用来代替 `lab_tests`，请列出检验项目")
        }
        return kinds
    }

    private func readWindow(_ node: Node, _ file: YAMLFile, ruleID: String) -> ValidityWindow? {
        let valid = OperatorText(en: "valid of rule \(ruleID)", zh: "规则 \(ruleID) 的 valid ")
        guard let entries = file.mapping(node, valid, allowed: ["from", "until", "review"]) else { return nil }
        var window = ValidityWindow(from: nil, until: nil)
        for entry in entries {
            guard let text = file.string(entry.value, .name("valid.\(entry.key)")) else { continue }
            guard var time = CivilTime(iso: text) else {
                file.error(
                    entry.value,
                    en: "valid.\(entry.key) of rule \(ruleID) must be a date `2026-11-01` "
                        + "or a time `2026-11-01T08:00`, found `\(text)`",
                    zh: "规则 \(ruleID) 的 valid.\(entry.key) 应为日期 `2026-11-01` 或时间 `2026-11-01T08:00`，实际是 `\(text)`")
                continue
            }
            if entry.key == "until", text.count == 10 {
                // A date alone means the whole of that day.
                time = CivilTime(compact: String(time.value / 1_000_000) + "235959") ?? time
            }
            switch entry.key {
            case "from": window.from = time
            case "until": window.until = time
            default: window.review = time
            }
        }
        if let from = window.from, let until = window.until, until < from {
            file.error(
                node, en: "rule \(ruleID) ends (\(until)) before it starts (\(from))",
                zh: "规则 \(ruleID) 的结束时间（\(until)）早于开始时间（\(from)）")
        }
        return window
    }

    func checkUniqueIDs(_ rules: [Rule], diagnostics: ProfileDiagnostics) {
        var first: [String: Rule] = [:]
        for rule in rules {
            if let earlier = first[rule.id] {
                diagnostics.error(
                    rule.position,
                    en: "rule id \(rule.id) is used twice (first at \(earlier.position)); ids must be unique",
                    zh: "规则 id \(rule.id) 用了两次（第一次在 \(earlier.position)）；id 必须唯一")
            } else {
                first[rule.id] = rule
            }
        }
    }
}
