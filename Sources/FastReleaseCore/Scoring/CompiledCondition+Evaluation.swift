extension CompiledCondition {
    /// Whether the condition holds for a declaration (and, for item fields, its goods line at `item`).
    ///
    /// The line is named by its index, not passed as a value: a `DeclarationItem?` argument
    /// would copy the whole line (and retain its strings) for every condition on every line.
    func holds(_ declaration: Declaration, _ item: Int?, _ standing: EnterpriseStanding) -> Bool {
        switch test {
        case .codeIn(let values):
            guard let value = FieldValues.code(key, declaration, item, standing) else { return false }
            return values.contains(value)
        case .codeNotIn(let values):
            guard let value = FieldValues.code(key, declaration, item, standing) else { return true }
            return !values.contains(value)
        case .textContainsAny(let words):
            guard let value = FieldValues.code(key, declaration, item, standing) else { return false }
            return words.contains { Self.text(value, containsLowercased: $0) }
        case .numberAtLeast(let bound):
            return FieldValues.number(key, declaration, item, standing).map { $0 >= bound } ?? false
        case .numberAtMost(let bound):
            return FieldValues.number(key, declaration, item, standing).map { $0 <= bound } ?? false
        case .numberAbove(let bound):
            return FieldValues.number(key, declaration, item, standing).map { $0 > bound } ?? false
        case .numberBelow(let bound):
            return FieldValues.number(key, declaration, item, standing).map { $0 < bound } ?? false
        case .numberOneOf(let values):
            return FieldValues.number(key, declaration, item, standing).map(values.contains) ?? false
        case .countryIn(let set):
            return FieldValues.country(key, declaration, item).map(set.contains) ?? false
        case .countryNotIn(let set):
            return FieldValues.country(key, declaration, item).map { !set.contains($0) } ?? true
        case .hsIn(let intervals):
            guard let code = FieldValues.hs(declaration, item) else { return false }
            return intervals.contains { $0.contains(code) }
        case .hsNotIn(let intervals):
            guard let code = FieldValues.hs(declaration, item) else { return true }
            return !intervals.contains { $0.contains(code) }
        case .setHasAny(let values):
            var found = false
            FieldValues.forEachMember(key, declaration) { member in found = found || values.contains(member) }
            return found
        case .setLacksAll(let values):
            return !values.contains { FieldValues.setContains(key, declaration, $0) }
        case .present(let expected):
            return isPresent(declaration, item, standing) == expected
        }
    }

    private func isPresent(_ declaration: Declaration, _ item: Int?, _ standing: EnterpriseStanding) -> Bool {
        switch key {
        case .documents, .lots, .issues: !FieldValues.setIsEmpty(key, declaration)
        case .itemHS: FieldValues.hs(declaration, item) != nil
        default:
            FieldValues.code(key, declaration, item, standing) != nil
                || FieldValues.number(key, declaration, item, standing) != nil
                || FieldValues.country(key, declaration, item) != nil
        }
    }

    /// Whether `text`, with ASCII letters lower-cased, contains `needle` (already lower-case).
    static func text(_ text: String, containsLowercased needle: [UInt8]) -> Bool {
        var text = text
        return text.withUTF8 { haystack in
            guard needle.count <= haystack.count, let first = needle.first else { return needle.isEmpty }
            var start = 0
            let last = haystack.count - needle.count
            while start <= last {
                if lowercase(haystack[start]) == first {
                    var matched = 1
                    while matched < needle.count, lowercase(haystack[start + matched]) == needle[matched] {
                        matched += 1
                    }
                    if matched == needle.count { return true }
                }
                start += 1
            }
            return false
        }
    }

    @inline(__always)
    private static func lowercase(_ byte: UInt8) -> UInt8 {
        byte &- 65 < 26 ? byte + 32 : byte
    }
}
