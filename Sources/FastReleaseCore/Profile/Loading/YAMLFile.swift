internal import Yams

/// One YAML file of a profile, with helpers that read typed values and report mistakes
/// with the file, line and column of the node at fault.
struct YAMLFile {
    /// The path shown in messages.
    let path: String
    let diagnostics: ProfileDiagnostics

    /// A mapping entry with its key's text and nodes.
    struct Entry {
        let key: String
        let keyNode: Node
        let value: Node
    }

    /// Parses `text`; a syntax error is reported and gives `nil`.
    func parse(_ text: String) -> Node? {
        do {
            return try Yams.compose(yaml: text)
        } catch let error as YamlError {
            let problem = syntaxProblem(error)
            diagnostics.error(
                syntaxPosition(error), en: "YAML syntax: \(problem.en); fix the YAML at this place",
                zh: "YAML 语法错误：\(problem.zh)；请在此处改正")
        } catch {
            diagnostics.error(
                SourcePosition(source: path, line: 1, column: 1), en: "cannot read YAML: \(error)",
                zh: "无法读取 YAML：\(error)")
        }
        return nil
    }

    func position(_ node: Node) -> SourcePosition {
        SourcePosition(source: path, line: node.mark?.line ?? 1, column: node.mark?.column ?? 1)
    }

    func error(_ node: Node, en english: String, zh chinese: String) {
        diagnostics.error(position(node), en: english, zh: chinese)
    }

    func warning(_ node: Node, en english: String, zh chinese: String) {
        diagnostics.warning(position(node), en: english, zh: chinese)
    }

    /// The entries of a mapping, checking that every key is one of `allowed`.
    func mapping(_ node: Node, _ what: OperatorText, allowed: [String]? = nil) -> [Entry]? {
        guard case .mapping(let mapping) = node else {
            let found = describe(node)
            error(
                node, en: "\(what.english) must be a mapping of `key: value` lines, found \(found.en)",
                zh: "\(what.zh)应为 `键: 值` 形式的映射，实际是\(found.zh)")
            return nil
        }
        var entries: [Entry] = []
        for (keyNode, value) in mapping {
            guard let key = keyNode.scalar?.string else {
                error(keyNode, en: "keys in \(what.english) must be plain words", zh: "\(what.zh)中的键应为普通单词")
                continue
            }
            if let allowed, !allowed.contains(key) {
                let closest = Self.closest(to: key, in: allowed)
                let keys = allowed.joined(separator: ", ")
                error(
                    keyNode,
                    en: "unknown key `\(key)` in \(what.english); "
                        + "\(closest.map { "did you mean `\($0)`? " } ?? "")allowed keys: \(keys)",
                    zh: "\(what.zh)中没有 `\(key)` 这个键；\(closest.map { "是否想写 `\($0)`？" } ?? "")可用的键：\(keys)")
                continue
            }
            entries.append(Entry(key: key, keyNode: keyNode, value: value))
        }
        return entries
    }

    /// A scalar's text.
    func string(_ node: Node, _ what: OperatorText) -> String? {
        guard let scalar = node.scalar else {
            let found = describe(node)
            error(
                node, en: "\(what.english) must be a single value, found \(found.en)",
                zh: "\(what.zh)应为单个值，实际是\(found.zh)")
            return nil
        }
        return scalar.string
    }

    /// A non-empty scalar's text.
    func nonEmptyString(_ node: Node, _ what: OperatorText) -> String? {
        guard let text = string(node, what) else { return nil }
        guard !text.trimmingWhitespace.isEmpty else {
            error(node, en: "\(what.english) must not be empty", zh: "\(what.zh)不能为空")
            return nil
        }
        return text
    }

    /// A whole number in `range`.
    func integer(_ node: Node, _ what: OperatorText, in range: ClosedRange<Int>) -> Int? {
        guard let text = string(node, what) else { return nil }
        guard let value = Int(text), range.contains(value) else {
            let (low, high) = (range.lowerBound, range.upperBound)
            error(
                node, en: "\(what.english) must be a whole number from \(low) to \(high), found `\(text)`",
                zh: "\(what.zh)应为 \(low) 到 \(high) 之间的整数，实际是 `\(text)`")
            return nil
        }
        return value
    }

    /// A finite number.
    func number(_ node: Node, _ what: OperatorText) -> Double? {
        guard let text = string(node, what) else { return nil }
        guard let value = Double(text), value.isFinite else {
            error(node, en: "\(what.english) must be a number, found `\(text)`", zh: "\(what.zh)应为数字，实际是 `\(text)`")
            return nil
        }
        return value
    }

    /// A single value or a list of values, each with its node.
    func list(_ node: Node, _ what: OperatorText) -> [(text: String, node: Node)]? {
        switch node {
        case .scalar(let scalar):
            return [(scalar.string, node)]
        case .sequence(let sequence):
            var values: [(String, Node)] = []
            for element in sequence {
                let each = OperatorText(en: "each entry of \(what.english)", zh: "\(what.zh)的每一项")
                guard let text = string(element, each) else { continue }
                values.append((text, element))
            }
            return values
        default:
            let found = describe(node)
            error(
                node, en: "\(what.english) must be a value or a list of values, found \(found.en)",
                zh: "\(what.zh)应为一个值或一组值，实际是\(found.zh)")
            return nil
        }
    }

    /// What a node is, as messages name it.
    func describe(_ node: Node) -> (en: String, zh: String) {
        switch node {
        case .scalar(let scalar): ("`\(scalar.string)`", " `\(scalar.string)`")
        case .mapping: ("a mapping", "映射")
        case .sequence: ("a list", "列表")
        case .alias: ("an alias", "别名")
        }
    }

    private func syntaxPosition(_ error: YamlError) -> SourcePosition {
        switch error {
        case .scanner(_, _, let mark, _), .parser(_, _, let mark, _), .composer(_, _, let mark, _):
            SourcePosition(source: path, line: mark.line, column: mark.column)
        case .duplicatedKeysInMapping(_, let context):
            SourcePosition(source: path, line: context.mark.line, column: context.mark.column)
        default:
            SourcePosition(source: path, line: 1, column: 1)
        }
    }

    /// What the YAML parser found wrong (its own words, in English, with a hint in each language).
    private func syntaxProblem(_ error: YamlError) -> (en: String, zh: String) {
        switch error {
        case .scanner(let context, let problem, _, _), .parser(let context, let problem, _, _),
            .composer(let context, let problem, _, _):
            let words = [context?.text, problem].compactMap { $0 }.joined(separator: " ")
            guard problem.contains("mapping values are not allowed") else { return (words, words) }
            return ("\(words) (a value holding `: ` must be in quotes)", "\(words)（含有 `: ` 的值须加引号）")
        case .duplicatedKeysInMapping(let duplicates, _):
            let keys = duplicates.joined(separator: ", ")
            return ("duplicated keys \(keys)", "重复的键 \(keys)")
        default:
            return ("\(error)", "\(error)")
        }
    }

    /// The allowed word nearest to a misspelt one, if it is close.
    static func closest(to word: String, in candidates: [String]) -> String? {
        if let longer = candidates.first(where: { $0.hasSuffix("." + word) }) { return longer }
        let scored = candidates.map { ($0, editDistance(word, $0)) }.min { $0.1 < $1.1 }
        guard let (best, distance) = scored, distance <= max(2, word.count / 3) else { return nil }
        return best
    }

    static func editDistance(_ a: String, _ b: String) -> Int {
        let a = Array(a), b = Array(b)
        var previous = Array(0...b.count)
        for i in 1...max(a.count, 1) where !a.isEmpty {
            var current = [i] + Array(repeating: 0, count: b.count)
            for j in stride(from: 1, through: b.count, by: 1) {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            previous = current
        }
        return a.isEmpty ? b.count : previous[b.count]
    }
}

extension StringProtocol {
    /// The text without leading and trailing spaces, tabs and line breaks.
    var trimmingWhitespace: String {
        // Only the scalars at either end are looked at, and the text is copied at most once (an
        // enterprise register has tens of thousands of names, most in Chinese).
        let text = String(self)
        let scalars = text.unicodeScalars
        guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }) else { return "" }
        let last = scalars.lastIndex(where: { !$0.properties.isWhitespace })!
        if first == scalars.startIndex, scalars.index(after: last) == scalars.endIndex { return text }
        return String(scalars[first...last])
    }
}
