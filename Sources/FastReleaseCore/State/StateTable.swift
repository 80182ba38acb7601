/// One CSV file of the reference state read by header names, with typed fields that report a
/// bad value at its file, line and column.
struct StateTable {
    let file: String
    let rows: [CSVRows.Row]
    private let columns: [String: Int]
    private(set) var issues: [ProfileIssue] = []

    /// Reads `text`; a missing header column in `required` is an issue at line 1.
    init(file: String, text: String, required: [String]) {
        self.file = file
        let parsed = CSVRows.parse(text)
        let header = parsed.first?.fields.map { $0.text.lowercased() } ?? []
        columns = Dictionary(header.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
        rows = Array(parsed.dropFirst().filter { !$0.isBlank })
        for name in required where columns[name] == nil {
            issues.append(
                ProfileIssue(
                    .error, at: SourcePosition(source: file, line: 1, column: 1),
                    "\(file) has no `\(name)` column; its header is `\(required.joined(separator: ","))`"))
        }
    }

    /// Whether every required column is there.
    var hasColumns: Bool { issues.isEmpty }

    private func field(_ row: CSVRows.Row, _ name: String) -> CSVRows.Field? {
        columns[name].flatMap { $0 < row.fields.count ? row.fields[$0] : nil }
    }

    mutating func fail(_ row: CSVRows.Row, _ name: String, _ message: String) {
        let column = field(row, name)?.column ?? 1
        issues.append(ProfileIssue(.error, at: SourcePosition(source: file, line: row.line, column: column), message))
    }

    /// A text field; empty is an issue unless `optional`.
    mutating func text(_ row: CSVRows.Row, _ name: String, optional: Bool = false) -> String? {
        let value = field(row, name)?.text ?? ""
        if value.isEmpty, !optional {
            fail(row, name, "`\(name)` is empty; give a value")
            return nil
        }
        return value
    }

    /// A number, 0 or more.
    mutating func number(_ row: CSVRows.Row, _ name: String) -> Double? {
        guard let text = text(row, name) else { return nil }
        guard let value = Double(text), value.isFinite, value >= 0 else {
            fail(row, name, "`\(name)` must be a number, 0 or more, found `\(text)`")
            return nil
        }
        return value
    }

    /// A number, 0 or more, from a column the file may leave out or leave empty (then `fallback`).
    mutating func optionalNumber(_ row: CSVRows.Row, _ name: String, fallback: Double) -> Double? {
        guard let text = field(row, name)?.text, !text.isEmpty else { return fallback }
        return number(row, name)
    }

    /// A whole number from 1 to `maximum`.
    mutating func count(_ row: CSVRows.Row, _ name: String, atMost maximum: Int) -> Int? {
        guard let text = text(row, name) else { return nil }
        guard let value = Int(text), (1...maximum).contains(value) else {
            fail(row, name, "`\(name)` must be a whole number from 1 to \(maximum), found `\(text)`")
            return nil
        }
        return value
    }

    /// `true`/`false` (also `pass`/`fail`, `yes`/`no`).
    mutating func flag(_ row: CSVRows.Row, _ name: String) -> Bool? {
        guard let text = text(row, name) else { return nil }
        switch text.lowercased() {
        case "true", "pass", "passed", "yes": return true
        case "false", "fail", "failed", "no": return false
        default:
            fail(row, name, "`\(name)` must be true or false (pass or fail), found `\(text)`")
            return nil
        }
    }

    /// A time written `2026-11-03` or `2026-11-03T10:30:00`; empty is `nil` when `optional`.
    mutating func time(_ row: CSVRows.Row, _ name: String, optional: Bool = false) -> CivilTime?? {
        guard let text = text(row, name, optional: optional) else { return nil }
        if text.isEmpty { return .some(nil) }
        guard let time = CivilTime(iso: text) else {
            fail(row, name, "`\(name)` must be a date such as 2026-11-03 or 2026-11-03T10:30:00, found `\(text)`")
            return nil
        }
        return .some(time)
    }

    /// An HS code of digits; empty is `nil` when `optional`.
    mutating func hs(_ row: CSVRows.Row, _ name: String, optional: Bool = false) -> HSCode?? {
        guard let text = text(row, name, optional: optional) else { return nil }
        if text.isEmpty { return .some(nil) }
        guard let code = HSCode(text) else {
            fail(row, name, "`\(name)` must be an HS code of 1 to 12 digits, found `\(text)`")
            return nil
        }
        return .some(code)
    }
}
