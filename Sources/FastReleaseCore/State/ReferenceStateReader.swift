/// Reads the reference state from CSV files held in memory (file name → text), reporting every
/// mistake with its file, line and column. The files, each optional, with their header rows:
///
/// | file | columns |
/// | --- | --- |
/// | `lots.csv` | `id,holder,material,hs,supplier,quantity,unit,conforming_quantity,valid_until` (`hs`, `supplier`, `valid_until` may be empty), and optionally `written_off` |
/// | `lot-tests.csv` | `lot,test,passed,tested_at`, and optionally `conforming_quantity` (a laboratory's result sets it) |
/// | `suppliers.csv` | `code,name,standing` (`registered`, `suspended`, `revoked`) |
/// | `monitoring.csv` | `subject,code,test,interval_days` (`subject`: `enterprise` or `supplier`; `interval_days` from 1 to 3653) |
/// | `monitoring-results.csv` | `subject,code,test,passed,tested_at` |
/// | `unit-consumption.csv` | `product,material,per_unit,product_unit,material_unit` (HS prefixes) |
/// | `examiners.csv` | `port,examiner,lanes,from,until` (`port` may be `*`; `lanes` separated by `;`; one row per shift) |
///
/// ```swift
/// let state = try ReferenceStateReader().read(files: ["lots.csv": "id,holder,…\nL-17,3301960001,…"])
/// ```
public struct ReferenceStateReader: Sendable {
    /// Creates a reader.
    public init() {}

    /// Reads the files; `prefix` goes before file names in messages (a folder's path and `/`).
    ///
    /// - Parameters:
    ///   - files: the files' texts by name.
    ///   - prefix: put before file names in messages.
    ///   - base: the state the files change (empty for a whole state): a lot, supplier,
    ///     monitored test or unit-consumption row with the key of one in `base` replaces it
    ///     (a lot and a monitored test keep their results, a lot what was written off, a
    ///     supplier its monitoring); results are added; rows may name lots and suppliers of
    ///     `base`.
    /// - Throws: ``ReferenceStateError`` with every mistake; nothing is read when there is one.
    public func read(files: [String: String], prefix: String = "", onto base: ReferenceState = ReferenceState())
        throws(ReferenceStateError) -> ReferenceState
    {
        var state = base
        var issues: [ProfileIssue] = []
        func table(_ name: String, _ required: [String], _ body: (inout StateTable) -> Void) {
            guard let text = files[name] else { return }
            var table = StateTable(file: prefix + name, text: text, required: required)
            if table.hasColumns { body(&table) }
            issues += table.issues
        }
        table("suppliers.csv", ["code", "name", "standing"]) { readSuppliers(&$0, into: &state) }
        table("lots.csv", Self.lotColumns) { readLots(&$0, into: &state) }
        table("lot-tests.csv", ["lot", "test", "passed", "tested_at"]) { readLotTests(&$0, into: &state) }
        table("monitoring.csv", ["subject", "code", "test", "interval_days"]) { readMonitoring(&$0, into: &state) }
        table("monitoring-results.csv", ["subject", "code", "test", "passed", "tested_at"]) {
            readMonitoringResults(&$0, into: &state)
        }
        table("unit-consumption.csv", ["product", "material", "per_unit", "product_unit", "material_unit"]) {
            readConsumption(&$0, into: &state)
        }
        table("examiners.csv", ["port", "examiner", "lanes", "from", "until"]) { readRoster(&$0, into: &state) }
        if !issues.isEmpty { throw ReferenceStateError(issues: issues) }
        return state
    }

    /// The files, in the order they depend on each other (suppliers before the lots that name
    /// them, lots before their tests, monitored tests before their results).
    public static let fileNames = [
        "suppliers.csv", "lots.csv", "lot-tests.csv", "monitoring.csv", "monitoring-results.csv",
        "unit-consumption.csv", "examiners.csv",
    ]

    static let lotColumns = [
        "id", "holder", "material", "hs", "supplier", "quantity", "unit", "conforming_quantity", "valid_until",
    ]

    private func readSuppliers(_ table: inout StateTable, into state: inout ReferenceState) {
        var seen = Set<String>()
        for row in table.rows {
            guard let code = table.text(row, "code"), let name = table.text(row, "name"),
                let standingText = table.text(row, "standing")
            else { continue }
            guard let standing = RegisteredSupplier.Standing(rawValue: standingText.lowercased()) else {
                let names = RegisteredSupplier.Standing.allCases.map(\.rawValue).joined(separator: ", ")
                table.fail(row, "standing", "`standing` must be one of \(names), found `\(standingText)`")
                continue
            }
            guard seen.insert(code).inserted else {
                table.fail(row, "code", "supplier \(code) is listed twice; keep one row")
                continue
            }
            let monitoring = state.suppliers[code]?.monitoring ?? []
            state.suppliers[code] = RegisteredSupplier(
                code: code, name: name, standing: standing, monitoring: monitoring)
        }
    }

    private func readLots(_ table: inout StateTable, into state: inout ReferenceState) {
        var seen = Set<String>()
        for row in table.rows {
            guard let id = table.text(row, "id"), let holder = table.text(row, "holder"),
                let material = table.text(row, "material"), let hs = table.hs(row, "hs", optional: true),
                let supplier = table.text(row, "supplier", optional: true),
                let quantity = table.number(row, "quantity"), let unit = table.text(row, "unit"),
                let conforming = table.number(row, "conforming_quantity"),
                let validUntil = table.time(row, "valid_until", optional: true),
                let writtenOff = table.optionalNumber(row, "written_off", fallback: state.lots[id]?.writtenOff ?? 0)
            else { continue }
            guard conforming <= quantity else {
                table.fail(
                    row, "conforming_quantity",
                    "lot \(id): the conforming quantity \(conforming) is more than the lot's \(quantity)")
                continue
            }
            guard writtenOff <= conforming else {
                table.fail(
                    row, "written_off", "lot \(id): \(writtenOff) written off is more than its conforming \(conforming)"
                )
                continue
            }
            guard seen.insert(id).inserted else {
                table.fail(row, "id", "lot \(id) is listed twice; keep one row")
                continue
            }
            if !supplier.isEmpty, state.suppliers[supplier] == nil, !state.suppliers.isEmpty {
                table.fail(row, "supplier", "lot \(id) names supplier \(supplier), which suppliers.csv does not list")
                continue
            }
            state.lots[id] = TestedLot(
                id: id, holder: holder, material: material, hs: hs, supplier: supplier, quantity: quantity, unit: unit,
                tests: state.lots[id]?.tests ?? [], conformingQuantity: conforming, validUntil: validUntil,
                writtenOff: writtenOff)
        }
    }

    private func readLotTests(_ table: inout StateTable, into state: inout ReferenceState) {
        for row in table.rows {
            guard let lot = table.text(row, "lot"), let test = table.text(row, "test"),
                let passed = table.flag(row, "passed"), let testedAt = table.time(row, "tested_at"),
                let time = testedAt
            else { continue }
            guard let known = state.lots[lot] else {
                table.fail(row, "lot", "lot \(lot) is in neither lots.csv nor the state; add the lot before its tests")
                continue
            }
            guard let conforming = table.optionalNumber(row, "conforming_quantity", fallback: known.conformingQuantity)
            else { continue }
            guard conforming <= known.quantity else {
                table.fail(
                    row, "conforming_quantity",
                    "lot \(lot): the conforming quantity \(conforming) is more than the lot's \(known.quantity)")
                continue
            }
            let result = TestResult(test: test, passed: passed, testedAt: time)
            if !known.tests.contains(result) { state.lots[lot]!.tests.append(result) }
            state.lots[lot]!.conformingQuantity = conforming
        }
    }

    private func subject(_ table: inout StateTable, _ row: CSVRows.Row, in state: ReferenceState) -> (
        supplier: Bool, code: String
    )? {
        guard let subject = table.text(row, "subject"), let code = table.text(row, "code") else { return nil }
        switch subject.lowercased() {
        case "enterprise": return (false, code)
        case "supplier":
            guard state.suppliers[code] != nil else {
                table.fail(row, "code", "supplier \(code) is in neither suppliers.csv nor the state; register it first")
                return nil
            }
            return (true, code)
        default:
            table.fail(row, "subject", "`subject` must be enterprise or supplier, found `\(subject)`")
            return nil
        }
    }

    private func readMonitoring(_ table: inout StateTable, into state: inout ReferenceState) {
        var seen = Set<String>()
        for row in table.rows {
            guard let found = subject(&table, row, in: state), let test = table.text(row, "test"),
                let interval = table.count(row, "interval_days", atMost: MonitoredTest.longestIntervalDays)
            else { continue }
            let (isSupplier, code) = (found.supplier, found.code)
            guard seen.insert("\(isSupplier) \(code) \(test)").inserted else {
                let who = isSupplier ? "supplier" : "enterprise"
                table.fail(row, "test", "\(who) \(code) is monitored for \(test) twice; keep one row")
                continue
            }
            var tests =
                isSupplier ? state.suppliers[code]!.monitoring : state.monitoring[code]?.tests ?? []
            if let index = tests.firstIndex(where: { $0.test == test }) {
                tests[index].intervalDays = interval
            } else {
                tests.append(MonitoredTest(test: test, intervalDays: interval))
            }
            if isSupplier {
                state.suppliers[code]!.monitoring = tests
            } else {
                state.monitoring[code] = EnterpriseMonitoring(enterprise: code, tests: tests)
            }
        }
    }

    private func readMonitoringResults(_ table: inout StateTable, into state: inout ReferenceState) {
        for row in table.rows {
            guard let found = subject(&table, row, in: state), let test = table.text(row, "test"),
                let passed = table.flag(row, "passed"), let testedAt = table.time(row, "tested_at"),
                let time = testedAt
            else { continue }
            let (isSupplier, code) = (found.supplier, found.code)
            let result = TestResult(test: test, passed: passed, testedAt: time)
            if isSupplier, let index = state.suppliers[code]!.monitoring.firstIndex(where: { $0.test == test }) {
                if !state.suppliers[code]!.monitoring[index].results.contains(result) {
                    state.suppliers[code]!.monitoring[index].results.append(result)
                }
            } else if !isSupplier, let index = state.monitoring[code]?.tests.firstIndex(where: { $0.test == test }) {
                if !state.monitoring[code]!.tests[index].results.contains(result) {
                    state.monitoring[code]!.tests[index].results.append(result)
                }
            } else {
                table.fail(
                    row, "test", "\(code) is not monitored for \(test); add it to monitoring.csv with its interval")
            }
        }
    }

    private func readConsumption(_ table: inout StateTable, into state: inout ReferenceState) {
        for row in table.rows {
            guard let productCode = table.hs(row, "product"), let product = productCode,
                let materialCode = table.hs(row, "material"), let material = materialCode,
                let perUnit = table.number(row, "per_unit"), let productUnit = table.text(row, "product_unit"),
                let materialUnit = table.text(row, "material_unit")
            else { continue }
            guard perUnit > 0 else {
                table.fail(row, "per_unit", "`per_unit` must be more than 0")
                continue
            }
            let entry = UnitConsumption(
                product: product, material: material, perUnit: perUnit, productUnit: productUnit,
                materialUnit: materialUnit)
            if let index = state.consumption.firstIndex(where: { $0.product == product && $0.material == material }) {
                state.consumption[index] = entry
            } else {
                state.consumption.append(entry)
            }
        }
    }

    private func readRoster(_ table: inout StateTable, into state: inout ReferenceState) {
        for row in table.rows {
            guard let port = table.text(row, "port"), let examiner = table.text(row, "examiner"),
                let laneText = table.text(row, "lanes"), let fromTime = table.time(row, "from"), let from = fromTime,
                let untilTime = table.time(row, "until"), let until = untilTime
            else { continue }
            var lanes = Set<Lane>()
            for name in laneText.split(separator: ";").map({ $0.split(separator: " ").joined() }) {
                guard let lane = Lane(name: name), lane != .release else {
                    table.fail(
                        row, "lanes",
                        "`lanes` lists the lanes the examiner may inspect, separated by `;` (document, sample-release, inspect-release, hold), found `\(name)`"
                    )
                    continue
                }
                lanes.insert(lane)
            }
            guard from < until else {
                table.fail(row, "until", "the shift of \(examiner) ends before it starts")
                continue
            }
            let shift = RosterShift(port: port, examiner: examiner, lanes: lanes, from: from, until: until)
            if let index = state.roster.firstIndex(where: {
                $0.port == port && $0.examiner == examiner && $0.from == from
            }) {
                state.roster[index] = shift
            } else {
                state.roster.append(shift)
            }
        }
    }
}
