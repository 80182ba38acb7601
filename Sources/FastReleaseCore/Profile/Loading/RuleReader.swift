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
            file.error(node, "`rules` must be a list of rules or of rule file names")
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
                node, "cannot read rule file \(path); check the name (it is relative to the profile directory)")
            return []
        }
        let file = YAMLFile(path: path, diagnostics: parent.diagnostics)
        guard let root = file.parse(text) else { return [] }
        if case .mapping = root {
            guard let entries = file.mapping(root, "rule file", allowed: ["rules"]) else { return [] }
            return entries.flatMap { readRuleList($0.value, file, files: files) }
        }
        return readRuleList(root, file, files: files)
    }

    /// Reads one rule mapping.
    func readRule(_ node: Node, _ file: YAMLFile) -> Rule? {
        guard let entries = file.mapping(node, "a rule", allowed: Self.ruleKeys) else { return nil }
        let values = Dictionary(entries.map { ($0.key, $0) }, uniquingKeysWith: { first, _ in first })
        guard let idEntry = values["id"] else {
            file.error(node, "this rule has no `id`; give every rule a unique id")
            return nil
        }
        guard let id = file.nonEmptyString(idEntry.value, "rule id") else { return nil }
        var rule = Rule(id: id, reason: "", conditions: [], position: file.position(node))
        if let entry = values["reason"] {
            if case .mapping = entry.value {
                rule.reasons = readTexts(entry.value, file, "reason of rule \(id)")
            } else {
                rule.reason = file.nonEmptyString(entry.value, "reason of rule \(id)") ?? ""
            }
        } else {
            file.error(node, "rule \(id) has no `reason`; write the plain reason decisions will show")
        }
        if let entry = values["trader"] {
            if case .mapping = entry.value {
                rule.traderNotices = readTexts(entry.value, file, "trader notice of rule \(id)")
            } else {
                rule.traderNotice = file.nonEmptyString(entry.value, "trader notice of rule \(id)") ?? ""
            }
        }
        if let entry = values["kind"], let text = file.string(entry.value, "kind of rule \(id)") {
            if let kind = Rule.Kind(rawValue: text) {
                rule.kind = kind
            } else {
                file.error(entry.value, "kind of rule \(id) must be rule, alert or campaign, found `\(text)`")
            }
        }
        if let entry = values["weight"] {
            rule.weight = file.integer(entry.value, "weight of rule \(id)", in: -10_000...10_000) ?? 0
        }
        if let entry = values["lane"], let text = file.string(entry.value, "lane of rule \(id)") {
            if let lane = Lane(name: text) {
                rule.lane = lane
            } else {
                file.error(
                    entry.value,
                    "lane of rule \(id) must be one of \(Lane.allCases.map(\.name).joined(separator: ", ")), found `\(text)`"
                )
            }
        }
        if let entry = values["lab_tests"] {
            rule.labTests = (file.list(entry.value, "lab_tests of rule \(id)") ?? []).map(\.text)
            if rule.lane == nil, !rule.labTests.isEmpty { rule.lane = .sampleRelease }
        }
        if let entry = values["evidence"] {
            rule.evidence = readEvidence(entry.value, file, rule: rule)
        }
        if let entry = values["valid"] {
            rule.window = readWindow(entry.value, file, ruleID: id)
        }
        if rule.kind != .rule, rule.window?.until == nil {
            file.error(node, "\(rule.kind.rawValue) \(id) has no end; give it `valid: {from: …, until: …}`")
        }
        if let entry = values["when"] {
            rule.conditions = readConditions(entry.value, file, ruleID: id)
        } else {
            file.error(node, "rule \(id) has no `when`; list the conditions under which it fires")
        }
        if rule.weight == 0, rule.lane == nil, rule.labTests.isEmpty {
            file.warning(node, "rule \(id) has no weight, lane or lab tests, so firing changes nothing")
        }
        return rule
    }

    /// A text per language, `{en: …, zh: …}`; the one in the profile's language is picked once
    /// the whole profile is read (``ProfileLoader``).
    private func readTexts(_ node: Node, _ file: YAMLFile, _ what: String) -> [String: String] {
        var texts: [String: String] = [:]
        for entry in file.mapping(node, what) ?? [] {
            guard Self.isLanguageCode(entry.key) else {
                file.error(entry.value, "\(what): `\(entry.key)` is not a language code such as en or zh")
                continue
            }
            texts[entry.key] = file.nonEmptyString(entry.value, "\(what) in \(entry.key)")
        }
        if texts.isEmpty { file.error(node, "\(what) gives no text; write it as `{en: …, zh: …}` or as one text") }
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
            for (texts, what) in [(rule.reasons, "reason"), (rule.traderNotices, "trader notice")] where !texts.isEmpty
            {
                if texts[language] == nil {
                    diagnostics.error(
                        rule.position,
                        "rule \(rule.id) gives its \(what) in \(texts.keys.sorted().joined(separator: ", ")) but not in \(language), the profile's language; add `\(language):`"
                    )
                }
            }
            if let text = rule.reasons.removeValue(forKey: language) { rule.reason = text }
            if let text = rule.traderNotices.removeValue(forKey: language) { rule.traderNotice = text }
            rules[index] = rule
        }
    }

    private func readEvidence(_ node: Node, _ file: YAMLFile, rule: Rule) -> [EvidenceKind] {
        var kinds: [EvidenceKind] = []
        for (text, element) in file.list(node, "evidence of rule \(rule.id)") ?? [] {
            guard let kind = EvidenceKind(rawValue: text) else {
                let names = EvidenceKind.allCases.map(\.rawValue).joined(separator: ", ")
                file.error(element, "evidence of rule \(rule.id) must be some of \(names), found `\(text)`")
                continue
            }
            if kinds.contains(kind) {
                file.error(element, "evidence of rule \(rule.id) names \(text) twice; name it once")
            } else {
                kinds.append(kind)
            }
        }
        if !kinds.isEmpty, rule.labTests.isEmpty {
            file.error(
                node,
                "rule \(rule.id) names evidence but requires no lab tests; evidence stands in for `lab_tests`, so list them"
            )
        }
        return kinds
    }

    private func readWindow(_ node: Node, _ file: YAMLFile, ruleID: String) -> ValidityWindow? {
        guard let entries = file.mapping(node, "valid of rule \(ruleID)", allowed: ["from", "until", "review"]) else {
            return nil
        }
        var window = ValidityWindow(from: nil, until: nil)
        for entry in entries {
            guard let text = file.string(entry.value, "valid.\(entry.key)") else { continue }
            guard var time = CivilTime(iso: text) else {
                file.error(
                    entry.value,
                    "valid.\(entry.key) of rule \(ruleID) must be a date `2026-11-01` or a time `2026-11-01T08:00`, found `\(text)`"
                )
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
            file.error(node, "rule \(ruleID) ends (\(until)) before it starts (\(from))")
        }
        return window
    }

    func checkUniqueIDs(_ rules: [Rule], diagnostics: ProfileDiagnostics) {
        var first: [String: Rule] = [:]
        for rule in rules {
            if let earlier = first[rule.id] {
                diagnostics.error(
                    rule.position, "rule id \(rule.id) is used twice (first at \(earlier.position)); ids must be unique"
                )
            } else {
                first[rule.id] = rule
            }
        }
    }
}
