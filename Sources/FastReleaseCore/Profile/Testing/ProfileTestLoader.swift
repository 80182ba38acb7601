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
                "no test cases (*.yaml) in \(folder); add examples of what the profile must decide")
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
                root, "a test case",
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
            case "name": name = file.nonEmptyString(entry.value, "name") ?? ""
            case "practices":
                practices = (file.list(entry.value, "practices") ?? []).compactMap { item in
                    file.integer(item.node, "a practice number", in: 1...99)
                }
            case "at": at = CaseReaderTime(file: file).time(entry.value, "at")
            case "declaration": sketch = SketchReader(file: file).declaration(entry.value)
            case "message": message = file.nonEmptyString(entry.value, "message")
            case "declaration_id": declarationID = file.nonEmptyString(entry.value, "declaration_id")
            case "expect": expectation = expect(entry.value)
            default: break
            }
        }
        if name.isEmpty { file.error(root, "a test case needs a `name` saying what it shows") }
        let input: ProfileTestCase.Input
        switch (sketch, message) {
        case (let sketch?, nil): input = .sketch(sketch)
        case (nil, let path?): input = .message(path: path, declarationID: declarationID)
        case (nil, nil):
            file.error(root, "a test case needs a `declaration` (a YAML sketch) or a `message` (an XML file)")
            return nil
        default:
            file.error(root, "give either `declaration` or `message`, not both")
            return nil
        }
        guard let expectation else {
            if !entries.contains(where: { $0.key == "expect" }) {
                file.error(root, "a test case needs `expect:` with at least the `lane`")
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
        guard let entries = file.mapping(node, "expect", allowed: allowed) else { return nil }
        var lane: Lane?
        var hits: Set<String>?
        var labTests: Set<String>?
        var drawn: Bool?
        var waived: Set<String>?
        var writtenOff: [String: Double]?
        for entry in entries {
            switch entry.key {
            case "lane":
                guard let text = file.string(entry.value, "lane") else { continue }
                lane = Lane(name: text)
                if lane == nil {
                    file.error(
                        entry.value,
                        "unknown lane `\(text)`; lanes are \(Lane.allCases.map(\.name).joined(separator: ", "))")
                }
            case "hits": hits = Set((file.list(entry.value, "hits") ?? []).map(\.text))
            case "lab_tests": labTests = Set((file.list(entry.value, "lab_tests") ?? []).map(\.text))
            case "waived": waived = Set((file.list(entry.value, "waived") ?? []).map(\.text))
            case "written_off": writtenOff = quantities(entry.value)
            case "drawn":
                switch file.string(entry.value, "drawn") {
                case "true": drawn = true
                case "false": drawn = false
                default: file.error(entry.value, "drawn must be true or false")
                }
            default: break
            }
        }
        guard let lane else {
            if !entries.contains(where: { $0.key == "lane" }) { file.error(node, "expect needs a `lane`") }
            return nil
        }
        return Expectation(
            lane: lane, hits: hits, labTests: labTests, drawn: drawn, waived: waived, writtenOff: writtenOff)
    }

    /// `{L-2026-0017: 2.5}`: quantities by lot.
    private func quantities(_ node: Node) -> [String: Double]? {
        guard let entries = file.mapping(node, "written_off", allowed: nil) else { return nil }
        var quantities: [String: Double] = [:]
        for entry in entries {
            guard let text = file.string(entry.value, "written_off of \(entry.key)") else { continue }
            guard let quantity = Double(text), quantity >= 0 else {
                file.error(entry.value, "written_off of lot \(entry.key) must be a quantity, found `\(text)`")
                continue
            }
            quantities[entry.key] = quantity
        }
        return quantities
    }
}
