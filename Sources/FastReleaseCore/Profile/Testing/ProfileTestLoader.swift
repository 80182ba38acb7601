internal import Yams

/// Reads a profile's example cases: every `*.yaml` file of its `tests/` folder, one case a
/// file. All mistakes are reported at once, with file, line and column.
///
/// ```yaml
/// name: Juicers under the warning notice are inspected
/// practices: [7]
/// declaration:
///   format: CEB621
///   id: CASE-JUICER
///   declared_at: 2026-11-15T10:30:00
///   seller.code: "1101110325"
///   items:
///     - {hs: "8509400000", description: juicer, quantity: 1, value: 300, currency: CNY}
/// expect:
///   lane: inspect-release
///   hits: [ALERT-JUICERS, DOC-CCC]
/// ```
public struct ProfileTestLoader {
    /// Creates a loader.
    public init() {}

    /// The cases in `files` (file name → text), sorted by file name.
    ///
    /// - Parameters:
    ///   - files: the case files' texts by name.
    ///   - folder: where they came from, for messages (`Profiles/default/tests`).
    public func load(files: [String: String], folder: String) throws(ProfileError) -> [ProfileTestCase] {
        let diagnostics = ProfileDiagnostics()
        if files.isEmpty {
            diagnostics.error(
                SourcePosition(source: folder, line: 1, column: 1),
                en: "no test cases (*.yaml) in \(folder); add examples of what the profile must decide",
                zh: "\(folder) 中没有测试用例（*.yaml）；请加上风险配置必须作出的决定的例子")
        }
        var cases: [ProfileTestCase] = []
        for name in files.keys.sorted() {
            let file = YAMLFile(path: folder.isEmpty ? name : "\(folder)/\(name)", diagnostics: diagnostics)
            guard let root = file.parse(files[name]!), let testCase = CaseReader(file: file).read(root) else {
                continue
            }
            cases.append(testCase)
        }
        if diagnostics.hasErrors { throw ProfileError(issues: diagnostics.sortedIssues) }
        return cases
    }
}

/// Reads one case file.
private struct CaseReader {
    let file: YAMLFile

    func read(_ root: Node) -> ProfileTestCase? {
        guard
            let entries = file.mapping(
                root, OperatorText(en: "a test case", zh: "测试用例"),
                allowed: ["name", "practices", "at", "declaration", "message", "declaration_id", "expect"])
        else { return nil }
        var name = ""
        var practices: [Int] = []
        var at: CivilTime?
        var sketch: Declaration?
        var message: String?
        var declarationID: String?
        var expectation: Expectation?
        for entry in entries {
            switch entry.key {
            case "name": name = file.nonEmptyString(entry.value, .name("name")) ?? ""
            case "practices":
                practices = (file.list(entry.value, .name("practices")) ?? []).compactMap { item in
                    file.integer(item.node, OperatorText(en: "a practice number", zh: "做法编号"), in: 1...99)
                }
            case "at": at = CaseReaderTime(file: file).time(entry.value, .name("at"))
            case "declaration": sketch = SketchReader(file: file).declaration(entry.value)
            case "message": message = file.nonEmptyString(entry.value, .name("message"))
            case "declaration_id": declarationID = file.nonEmptyString(entry.value, .name("declaration_id"))
            case "expect": expectation = expect(entry.value)
            default: break
            }
        }
        if name.isEmpty {
            file.error(root, en: "a test case needs a `name` saying what it shows", zh: "测试用例需要说明其用意的 `name`")
        }
        let input: ProfileTestCase.Input
        switch (sketch, message) {
        case (let sketch?, nil): input = .sketch(sketch)
        case (nil, let path?): input = .message(path: path, declarationID: declarationID)
        case (nil, nil):
            file.error(
                root, en: "a test case needs a `declaration` (a YAML sketch) or a `message` (an XML file)",
                zh: "测试用例需要 `declaration`（YAML 草稿）或 `message`（XML 文件）")
            return nil
        default:
            file.error(
                root, en: "give either `declaration` or `message`, not both", zh: "`declaration` 和 `message` 只能给一个")
            return nil
        }
        guard let expectation else {
            if !entries.contains(where: { $0.key == "expect" }) {
                file.error(
                    root, en: "a test case needs `expect:` with at least the `lane`", zh: "测试用例需要 `expect:`，至少写明 `lane`"
                )
            }
            return nil
        }
        return ProfileTestCase(
            position: file.position(root), name: name, practices: practices, input: input, at: at,
            lane: expectation.lane, hits: expectation.hits, labTests: expectation.labTests, drawn: expectation.drawn,
            waived: expectation.waived, writtenOff: expectation.writtenOff)
    }

    private struct Expectation {
        var lane: Lane
        var hits: Set<String>?
        var labTests: Set<String>?
        var drawn: Bool?
        var waived: Set<String>?
        var writtenOff: [String: Double]?
    }

    private func expect(_ node: Node) -> Expectation? {
        let allowed = ["lane", "hits", "lab_tests", "drawn", "waived", "written_off"]
        guard let entries = file.mapping(node, .name("expect"), allowed: allowed) else { return nil }
        var lane: Lane?
        var hits: Set<String>?
        var labTests: Set<String>?
        var drawn: Bool?
        var waived: Set<String>?
        var writtenOff: [String: Double]?
        for entry in entries {
            switch entry.key {
            case "lane":
                guard let text = file.string(entry.value, .name("lane")) else { continue }
                lane = Lane(name: text)
                if lane == nil {
                    let names = Lane.allCases.map(\.name).joined(separator: ", ")
                    file.error(
                        entry.value, en: "unknown lane `\(text)`; lanes are \(names)",
                        zh: "没有 `\(text)` 这个通道；通道有 \(names)")
                }
            case "hits": hits = Set((file.list(entry.value, .name("hits")) ?? []).map(\.text))
            case "lab_tests": labTests = Set((file.list(entry.value, .name("lab_tests")) ?? []).map(\.text))
            case "waived": waived = Set((file.list(entry.value, .name("waived")) ?? []).map(\.text))
            case "written_off": writtenOff = quantities(entry.value)
            case "drawn":
                switch file.string(entry.value, .name("drawn")) {
                case "true": drawn = true
                case "false": drawn = false
                default: file.error(entry.value, en: "drawn must be true or false", zh: "drawn 应为 true 或 false")
                }
            default: break
            }
        }
        guard let lane else {
            if !entries.contains(where: { $0.key == "lane" }) {
                file.error(node, en: "expect needs a `lane`", zh: "expect 需要 `lane`")
            }
            return nil
        }
        return Expectation(
            lane: lane, hits: hits, labTests: labTests, drawn: drawn, waived: waived, writtenOff: writtenOff)
    }

    /// `{L-2026-0017: 2.5}`: quantities by lot.
    private func quantities(_ node: Node) -> [String: Double]? {
        guard let entries = file.mapping(node, .name("written_off"), allowed: nil) else { return nil }
        var quantities: [String: Double] = [:]
        for entry in entries {
            let what = OperatorText(en: "written_off of \(entry.key)", zh: "批次 \(entry.key) 的 written_off ")
            guard let text = file.string(entry.value, what) else { continue }
            guard let quantity = Double(text), quantity >= 0 else {
                file.error(
                    entry.value, en: "written_off of lot \(entry.key) must be a quantity, found `\(text)`",
                    zh: "批次 \(entry.key) 的 written_off 应为数量，实际是 `\(text)`")
                continue
            }
            quantities[entry.key] = quantity
        }
        return quantities
    }
}
