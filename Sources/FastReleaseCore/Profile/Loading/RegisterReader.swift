/// Reads the enterprise register, a CSV file with a header row:
/// `code,name,class,list,zone` (`list` and `zone` may be left out or empty).
struct RegisterReader {
    let path: String
    let diagnostics: ProfileDiagnostics

    func read(_ text: String) -> EnterpriseRegister {
        let rows = CSVRows.parse(text)
        guard let header = rows.first else {
            diagnostics.error(
                position(1, 1), "the enterprise register is empty; it needs a header row `code,name,class,list,zone`")
            return EnterpriseRegister()
        }
        let names = header.fields.map { $0.text.trimmingWhitespace.lowercased() }
        func column(_ name: String) -> Int? { names.firstIndex(of: name) }
        for required in ["code", "name", "class"] where column(required) == nil {
            diagnostics.error(
                position(1, 1),
                "the register's header has no `\(required)` column; the header is `code,name,class,list,zone`")
        }
        guard let codeColumn = column("code"), let nameColumn = column("name"), let classColumn = column("class") else {
            return EnterpriseRegister()
        }
        var enterprises: [EnterpriseRegister.Enterprise] = []
        var firstLine: [String: Int] = [:]
        for row in rows.dropFirst() where !row.isBlank {
            func field(_ index: Int?) -> CSVRows.Field? {
                index.flatMap { $0 < row.fields.count ? row.fields[$0] : nil }
            }
            guard let code = field(codeColumn), !code.text.isEmpty else {
                diagnostics.error(position(row.line, 1), "register row has no enterprise code")
                continue
            }
            if let earlier = firstLine[code.text] {
                diagnostics.error(
                    position(row.line, code.column),
                    "enterprise \(code.text) is registered twice (first on line \(earlier)); keep one row")
                continue
            }
            firstLine[code.text] = row.line
            let classField = field(classColumn)
            guard let classText = classField?.text, let creditClass = Int(classText), (1...4).contains(creditClass)
            else {
                diagnostics.error(
                    position(row.line, classField?.column ?? 1),
                    "credit class of \(code.text) must be 1, 2, 3 or 4, found `\(classField?.text ?? "")`")
                continue
            }
            var list: EnterpriseList?
            if let listField = field(column("list")), !listField.text.isEmpty {
                guard let parsed = EnterpriseList(rawValue: listField.text.lowercased()) else {
                    diagnostics.error(
                        position(row.line, listField.column),
                        "list of \(code.text) must be red, black or empty, found `\(listField.text)`")
                    continue
                }
                list = parsed
            }
            if list == .black, creditClass != 4 {
                diagnostics.warning(
                    position(row.line, classField?.column ?? 1),
                    "\(code.text) is on the black list but has class \(creditClass); black-listed enterprises are treated as class 4"
                )
            }
            if list == .red, creditClass != 1 {
                diagnostics.warning(
                    position(row.line, classField?.column ?? 1),
                    "\(code.text) is on the red list but has class \(creditClass); the red list is for class-1 enterprises"
                )
            }
            enterprises.append(
                .init(
                    code: code.text, name: field(nameColumn)?.text ?? "", creditClass: list == .black ? 4 : creditClass,
                    list: list, zone: field(column("zone"))?.text ?? ""))
        }
        return EnterpriseRegister(enterprises)
    }

    private func position(_ line: Int, _ column: Int) -> SourcePosition {
        SourcePosition(source: path, line: line, column: column)
    }
}
