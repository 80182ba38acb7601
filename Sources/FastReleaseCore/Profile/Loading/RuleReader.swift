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
            rule.reason = file.nonEmptyString(entry.value, "reason of rule \(id)") ?? ""
        } else {
            file.error(node, "rule \(id) has no `reason`; write the plain reason decisions will show")
        }
        if let entry = values["trader"] {
            rule.traderNotice = file.nonEmptyString(entry.value, "trader notice of rule \(id)") ?? ""
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
