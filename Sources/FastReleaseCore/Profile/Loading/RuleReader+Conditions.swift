internal import Yams

extension RuleReader {
    /// Reads a rule's `when:` mapping of field names to tests.
    func readConditions(_ node: Node, _ file: YAMLFile, ruleID: String) -> [Condition] {
        let when = OperatorText(en: "when of rule \(ruleID)", zh: "规则 \(ruleID) 的 when ")
        guard let entries = file.mapping(node, when) else { return [] }
        if entries.isEmpty {
            file.error(
                node, en: "rule \(ruleID) has an empty `when`; give at least one condition",
                zh: "规则 \(ruleID) 的 `when` 是空的；请至少写一个条件")
        }
        return entries.compactMap { entry in
            guard let field = DeclarationField.named(entry.key) else {
                let names = DeclarationField.catalogue.map(\.name)
                let closest = YAMLFile.closest(to: entry.key, in: names)
                file.error(
                    entry.keyNode,
                    en: "unknown field `\(entry.key)` in rule \(ruleID); "
                        + "\(closest.map { "did you mean `\($0)`? " } ?? "")see docs/profiles.md for the field list",
                    zh: "规则 \(ruleID) 中没有字段 `\(entry.key)`；"
                        + "\(closest.map { "是否想写 `\($0)`？" } ?? "")字段列表见 docs/profiles.md")
                return nil
            }
            let tests = readTests(entry.value, field: field, file, ruleID: ruleID)
            return tests.isEmpty ? nil : Condition(field: field, tests: tests, position: file.position(entry.keyNode))
        }
    }

    private func operators(for kind: DeclarationField.Kind) -> [String] {
        switch kind {
        case .code: ["equals", "in", "not_in", "present"]
        case .choice: ["equals", "in", "not_in"]
        case .flag: ["equals"]
        case .text: ["contains_any", "present"]
        case .number: ["equals", "in", "min", "max", "above", "below", "present"]
        case .country: ["equals", "in", "not_in", "group", "not_group", "present"]
        case .hs: ["prefix", "not_prefix", "range", "present"]
        case .codeSet: ["has", "missing", "present"]
        }
    }

    private func readTests(_ node: Node, field: DeclarationField, _ file: YAMLFile, ruleID: String) -> [ConditionTest] {
        guard case .mapping = node else {
            let shorthand: String
            switch field.kind {
            case .text: shorthand = "contains_any"
            case .hs: shorthand = "prefix"
            case .codeSet: shorthand = "has"
            default: shorthand = "in"
            }
            return readTest(shorthand, node, field: field, file, ruleID: ruleID).map { [$0] } ?? []
        }
        let allowed = operators(for: field.kind)
        let test = OperatorText(en: "test of \(field.name) in rule \(ruleID)", zh: "规则 \(ruleID) 中 \(field.name) 的判断")
        guard let entries = file.mapping(node, test, allowed: allowed) else { return [] }
        return entries.compactMap { readTest($0.key, $0.value, field: field, file, ruleID: ruleID) }
    }

    private func readTest(_ operation: String, _ node: Node, field: DeclarationField, _ file: YAMLFile, ruleID: String)
        -> ConditionTest?
    {
        let what = OperatorText(
            en: "\(operation) of \(field.name) in rule \(ruleID)", zh: "规则 \(ruleID) 中 \(field.name) 的 \(operation) ")
        if operation == "present" {
            guard let text = file.string(node, what), let flag = Bool(text) else {
                file.error(node, en: "\(what.english) must be true or false", zh: "\(what.zh)应为 true 或 false")
                return nil
            }
            return .present(flag)
        }
        guard let values = file.list(node, what), !values.isEmpty else {
            if case .sequence = node {
                file.error(
                    node, en: "\(what.english) is an empty list; give at least one value",
                    zh: "\(what.zh)是空列表；请至少写一个值")
            }
            return nil
        }
        switch field.kind {
        case .code, .text, .codeSet:
            let texts = values.map(\.text)
            switch operation {
            case "not_in": return .noneOf(texts)
            case "contains_any": return .containsAny(texts)
            case "has": return .hasAny(texts)
            case "missing": return .missingAll(texts)
            default: return .oneOf(texts)
            }
        case .choice(let choices):
            for value in values where !choices.contains(value.text) {
                let names = choices.joined(separator: ", ")
                file.error(
                    value.node, en: "\(field.name) is one of \(names); `\(value.text)` never matches",
                    zh: "\(field.name) 只取 \(names) 之一；`\(value.text)` 永远不会匹配")
            }
            return operation == "not_in" ? .noneOf(values.map(\.text)) : .oneOf(values.map(\.text))
        case .flag:
            guard values.count == 1, let flag = Bool(values[0].text) else {
                file.error(node, en: "\(what.english) must be true or false", zh: "\(what.zh)应为 true 或 false")
                return nil
            }
            return .oneOf([String(flag)])
        case .number:
            return readNumberTest(operation, values, what: what, file)
        case .country:
            return readCountryTest(operation, values, what: what, file)
        case .hs:
            return readHSTest(operation, values, node: node, what: what, file)
        }
    }

    private func readNumberTest(
        _ operation: String, _ values: [(text: String, node: Node)], what: OperatorText, _ file: YAMLFile
    ) -> ConditionTest? {
        let numbers = values.compactMap { file.number($0.node, what) }
        guard numbers.count == values.count else { return nil }
        if ["min", "max", "above", "below"].contains(operation), numbers.count != 1 {
            file.error(values[0].node, en: "\(what.english) takes one number", zh: "\(what.zh)只取一个数")
            return nil
        }
        switch operation {
        case "min": return .atLeast(numbers[0])
        case "max": return .atMost(numbers[0])
        case "above": return .above(numbers[0])
        case "below": return .below(numbers[0])
        default: return .numberOneOf(numbers)
        }
    }

    private func readCountryTest(
        _ operation: String, _ values: [(text: String, node: Node)], what: OperatorText, _ file: YAMLFile
    ) -> ConditionTest? {
        var codes: [CountryCode] = []
        var groupNames: [String] = []
        for value in values {
            let wantsGroup = operation == "group" || operation == "not_group"
            if groups.contains(value.text) {
                groupNames.append(value.text)
            } else if !wantsGroup, let code = CountryCode(value.text) {
                codes.append(code)
            } else if wantsGroup {
                let closest = YAMLFile.closest(to: value.text, in: Array(groups))
                file.error(
                    value.node,
                    en: "no country group `\(value.text)` in \(what.english); "
                        + "\(closest.map { "did you mean `\($0)`? " } ?? "")define it under country_groups",
                    zh: "\(what.zh)中的国家组 `\(value.text)` 不存在；"
                        + "\(closest.map { "是否想写 `\($0)`？" } ?? "")请在 country_groups 下定义")
            } else {
                file.error(
                    value.node,
                    en: "`\(value.text)` in \(what.english) is neither an ISO alpha-2 country code nor a country group",
                    zh: "\(what.zh)中的 `\(value.text)` 既不是 ISO 两字母国家代码，也不是国家组")
            }
        }
        guard !codes.isEmpty || !groupNames.isEmpty else { return nil }
        let negated = operation == "not_in" || operation == "not_group"
        return negated ? .countryNotIn(codes: codes, groups: groupNames) : .countryIn(codes: codes, groups: groupNames)
    }

    private func readHSTest(
        _ operation: String, _ values: [(text: String, node: Node)], node: Node, what: OperatorText, _ file: YAMLFile
    ) -> ConditionTest? {
        var codes: [HSCode] = []
        for value in values {
            guard let code = HSCode(value.text) else {
                file.error(
                    value.node,
                    en: "`\(value.text)` in \(what.english) is not an HS code (1 to 12 digits; dots allowed)",
                    zh: "\(what.zh)中的 `\(value.text)` 不是 HS 编码（1 到 12 位数字，可含点）")
                continue
            }
            codes.append(code)
        }
        guard codes.count == values.count else { return nil }
        switch operation {
        case "range":
            guard codes.count == 2, codes[0].length == codes[1].length, !(codes[1] < codes[0]) else {
                file.error(
                    node,
                    en: "\(what.english) must be two codes with the same number of digits, low first, "
                        + "such as [\"6101\", \"6117\"]",
                    zh: "\(what.zh)应为位数相同的两个编码，小的在前，如 [\"6101\", \"6117\"]")
                return nil
            }
            return .hsRange(codes[0], codes[1])
        case "not_prefix": return .hsNotPrefix(codes)
        default: return .hsPrefix(codes)
        }
    }
}
