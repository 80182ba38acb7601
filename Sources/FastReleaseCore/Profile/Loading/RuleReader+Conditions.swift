internal import Yams

extension RuleReader {
    /// Reads a rule's `when:` mapping of field names to tests.
    func readConditions(_ node: Node, _ file: YAMLFile, ruleID: String) -> [Condition] {
        guard let entries = file.mapping(node, "when of rule \(ruleID)") else { return [] }
        if entries.isEmpty { file.error(node, "rule \(ruleID) has an empty `when`; give at least one condition") }
        return entries.compactMap { entry in
            guard let field = DeclarationField.named(entry.key) else {
                let names = DeclarationField.catalogue.map(\.name)
                let hint = YAMLFile.closest(to: entry.key, in: names).map { "did you mean `\($0)`? " } ?? ""
                file.error(
                    entry.keyNode,
                    "unknown field `\(entry.key)` in rule \(ruleID); \(hint)see docs/profiles.md for the field list")
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
        guard let entries = file.mapping(node, "test of \(field.name) in rule \(ruleID)", allowed: allowed) else {
            return []
        }
        return entries.compactMap { readTest($0.key, $0.value, field: field, file, ruleID: ruleID) }
    }

    private func readTest(_ operation: String, _ node: Node, field: DeclarationField, _ file: YAMLFile, ruleID: String)
        -> ConditionTest?
    {
        let what = "\(operation) of \(field.name) in rule \(ruleID)"
        if operation == "present" {
            guard let text = file.string(node, what), let flag = Bool(text) else {
                file.error(node, "\(what) must be true or false")
                return nil
            }
            return .present(flag)
        }
        guard let values = file.list(node, what), !values.isEmpty else {
            if case .sequence = node { file.error(node, "\(what) is an empty list; give at least one value") }
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
                file.error(
                    value.node,
                    "\(field.name) is one of \(choices.joined(separator: ", ")); `\(value.text)` never matches")
            }
            return operation == "not_in" ? .noneOf(values.map(\.text)) : .oneOf(values.map(\.text))
        case .flag:
            guard values.count == 1, let flag = Bool(values[0].text) else {
                file.error(node, "\(what) must be true or false")
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
        _ operation: String, _ values: [(text: String, node: Node)], what: String, _ file: YAMLFile
    ) -> ConditionTest? {
        let numbers = values.compactMap { file.number($0.node, what) }
        guard numbers.count == values.count else { return nil }
        if ["min", "max", "above", "below"].contains(operation), numbers.count != 1 {
            file.error(values[0].node, "\(what) takes one number")
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
        _ operation: String, _ values: [(text: String, node: Node)], what: String, _ file: YAMLFile
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
                let hint = YAMLFile.closest(to: value.text, in: Array(groups)).map { "did you mean `\($0)`? " } ?? ""
                file.error(
                    value.node, "no country group `\(value.text)` in \(what); \(hint)define it under country_groups")
            } else {
                file.error(
                    value.node, "`\(value.text)` in \(what) is neither an ISO alpha-2 country code nor a country group")
            }
        }
        guard !codes.isEmpty || !groupNames.isEmpty else { return nil }
        let negated = operation == "not_in" || operation == "not_group"
        return negated ? .countryNotIn(codes: codes, groups: groupNames) : .countryIn(codes: codes, groups: groupNames)
    }

    private func readHSTest(
        _ operation: String, _ values: [(text: String, node: Node)], node: Node, what: String, _ file: YAMLFile
    ) -> ConditionTest? {
        var codes: [HSCode] = []
        for value in values {
            guard let code = HSCode(value.text) else {
                file.error(value.node, "`\(value.text)` in \(what) is not an HS code (1 to 12 digits; dots allowed)")
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
                    "\(what) must be two codes with the same number of digits, low first, such as [\"6101\", \"6117\"]")
                return nil
            }
            return .hsRange(codes[0], codes[1])
        case "not_prefix": return .hsNotPrefix(codes)
        default: return .hsPrefix(codes)
        }
    }
}
