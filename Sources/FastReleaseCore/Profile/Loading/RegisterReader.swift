/// Reads the enterprise register, a CSV file with a header row:
/// `code,name,class,list,zone` (`list` and `zone` may be left out or empty).
struct RegisterReader {
    let path: String
    let diagnostics: ProfileDiagnostics

    func read(_ text: String) -> EnterpriseRegister {
        let rows = CSVRows.parse(text)
        guard let header = rows.first else {
            diagnostics.error(
                position(1, 1),
                en: "the enterprise register is empty; it needs a header row `code,name,class,list,zone`",
                zh: "企业名录是空的；需要表头行 `code,name,class,list,zone`")
            return EnterpriseRegister()
        }
        let names = header.fields.map { $0.text.trimmingWhitespace.lowercased() }
        func column(_ name: String) -> Int? { names.firstIndex(of: name) }
        for required in ["code", "name", "class"] where column(required) == nil {
            diagnostics.error(
                position(1, 1),
                en: "the register's header has no `\(required)` column; the header is `code,name,class,list,zone`",
                zh: "企业名录的表头缺少 `\(required)` 列；表头是 `code,name,class,list,zone`")
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
                diagnostics.error(
                    position(row.line, 1), en: "register row has no enterprise code", zh: "企业名录的这一行没有企业编码")
                continue
            }
            if let earlier = firstLine[code.text] {
                diagnostics.error(
                    position(row.line, code.column),
                    en: "enterprise \(code.text) is registered twice (first on line \(earlier)); keep one row",
                    zh: "企业 \(code.text) 登记了两次（第一次在第 \(earlier) 行）；只保留一行")
                continue
            }
            firstLine[code.text] = row.line
            let classField = field(classColumn)
            guard let classText = classField?.text, let creditClass = Int(classText), (1...4).contains(creditClass)
            else {
                diagnostics.error(
                    position(row.line, classField?.column ?? 1),
                    en: "credit class of \(code.text) must be 1, 2, 3 or 4, found `\(classField?.text ?? "")`",
                    zh: "\(code.text) 的信用等级应为 1、2、3 或 4，实际是 `\(classField?.text ?? "")`")
                continue
            }
            var list: EnterpriseList?
            if let listField = field(column("list")), !listField.text.isEmpty {
                guard let parsed = EnterpriseList(rawValue: listField.text.lowercased()) else {
                    diagnostics.error(
                        position(row.line, listField.column),
                        en: "list of \(code.text) must be red, black or empty, found `\(listField.text)`",
                        zh: "\(code.text) 的名单应为 red、black 或留空，实际是 `\(listField.text)`")
                    continue
                }
                list = parsed
            }
            if list == .black, creditClass != 4 {
                diagnostics.warning(
                    position(row.line, classField?.column ?? 1),
                    en: "\(code.text) is on the black list but has class \(creditClass); "
                        + "black-listed enterprises are treated as class 4",
                    zh: "\(code.text) 在黑名单上，但信用等级是 \(creditClass)；黑名单企业按 4 级处理")
            }
            if list == .red, creditClass != 1 {
                diagnostics.warning(
                    position(row.line, classField?.column ?? 1),
                    en: "\(code.text) is on the red list but has class \(creditClass); "
                        + "the red list is for class-1 enterprises",
                    zh: "\(code.text) 在红名单上，但信用等级是 \(creditClass)；红名单只列 1 级企业")
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
