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
            diagnostics.error(syntaxPosition(error), "YAML syntax: \(syntaxProblem(error)); fix the YAML at this place")
        } catch {
            diagnostics.error(SourcePosition(source: path, line: 1, column: 1), "cannot read YAML: \(error)")
        }
        return nil
    }

    func position(_ node: Node) -> SourcePosition {
        SourcePosition(source: path, line: node.mark?.line ?? 1, column: node.mark?.column ?? 1)
    }

    func error(_ node: Node, _ message: String) {
        diagnostics.error(position(node), message)
    }

    func warning(_ node: Node, _ message: String) {
        diagnostics.warning(position(node), message)
    }

    /// The entries of a mapping, checking that every key is one of `allowed`.
    func mapping(_ node: Node, _ what: String, allowed: [String]? = nil) -> [Entry]? {
        guard case .mapping(let mapping) = node else {
            error(node, "\(what) must be a mapping of `key: value` lines, found \(describe(node))")
            return nil
        }
        var entries: [Entry] = []
        for (keyNode, value) in mapping {
            guard let key = keyNode.scalar?.string else {
                error(keyNode, "keys in \(what) must be plain words")
                continue
            }
            if let allowed, !allowed.contains(key) {
                let hint = Self.closest(to: key, in: allowed).map { "did you mean `\($0)`? " } ?? ""
                error(
                    keyNode, "unknown key `\(key)` in \(what); \(hint)allowed keys: \(allowed.joined(separator: ", "))")
                continue
            }
            entries.append(Entry(key: key, keyNode: keyNode, value: value))
        }
        return entries
    }

    /// A scalar's text.
    func string(_ node: Node, _ what: String) -> String? {
        guard let scalar = node.scalar else {
            error(node, "\(what) must be a single value, found \(describe(node))")
            return nil
        }
        return scalar.string
    }

    /// A non-empty scalar's text.
    func nonEmptyString(_ node: Node, _ what: String) -> String? {
        guard let text = string(node, what) else { return nil }
        guard !text.trimmingWhitespace.isEmpty else {
            error(node, "\(what) must not be empty")
            return nil
        }
        return text
    }

    /// A whole number in `range`.
    func integer(_ node: Node, _ what: String, in range: ClosedRange<Int>) -> Int? {
        guard let text = string(node, what) else { return nil }
        guard let value = Int(text), range.contains(value) else {
            error(
                node, "\(what) must be a whole number from \(range.lowerBound) to \(range.upperBound), found `\(text)`")
            return nil
        }
        return value
    }

    /// A finite number.
    func number(_ node: Node, _ what: String) -> Double? {
        guard let text = string(node, what) else { return nil }
        guard let value = Double(text), value.isFinite else {
            error(node, "\(what) must be a number, found `\(text)`")
            return nil
        }
        return value
    }

    /// A single value or a list of values, each with its node.
    func list(_ node: Node, _ what: String) -> [(text: String, node: Node)]? {
        switch node {
        case .scalar(let scalar):
            return [(scalar.string, node)]
        case .sequence(let sequence):
            var values: [(String, Node)] = []
            for element in sequence {
                guard let text = string(element, "each entry of \(what)") else { continue }
                values.append((text, element))
            }
            return values
        default:
            error(node, "\(what) must be a value or a list of values, found \(describe(node))")
            return nil
        }
    }

    func describe(_ node: Node) -> String {
        switch node {
        case .scalar(let scalar): "`\(scalar.string)`"
        case .mapping: "a mapping"
        case .sequence: "a list"
        case .alias: "an alias"
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

    private func syntaxProblem(_ error: YamlError) -> String {
        switch error {
        case .scanner(let context, let problem, _, _), .parser(let context, let problem, _, _),
            .composer(let context, let problem, _, _):
            [context?.text, problem].compactMap { $0 }.joined(separator: " ")
                + (problem.contains("mapping values are not allowed")
                    ? " (a value holding `: ` must be in quotes)" : "")
        case .duplicatedKeysInMapping(let duplicates, _):
            "duplicated keys \(duplicates.joined(separator: ", "))"
        default:
            "\(error)"
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
        let scalars = Array(unicodeScalars)
        guard let start = scalars.firstIndex(where: { !$0.properties.isWhitespace }) else { return "" }
        let end = scalars.lastIndex(where: { !$0.properties.isWhitespace })!
        var text = String.UnicodeScalarView()
        text.append(contentsOf: scalars[start...end])
        return String(text)
    }
}
