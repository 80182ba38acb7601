import FastReleaseCore

/// `GET /v1/state`: the reference state in force, with what each lot has left, where each
/// monitored test stands, and the examiners' shifts (whether each is on now).
struct StateInForce: Encodable {
    struct Lot: Encodable {
        let id: String
        let holder: String
        let material: String
        let hs: String?
        let supplier: String
        let unit: String
        let quantity: Double
        let conforming: Double
        let writtenOff: Double
        let left: Double
        let validUntil: String?
        let tests: [Result]

        enum CodingKeys: String, CodingKey {
            case id, holder, material, hs, supplier, unit, quantity, conforming, writtenOff = "written_off", left
            case validUntil = "valid_until", tests
        }
    }

    struct Result: Encodable {
        let test: String
        let passed: Bool
        let testedAt: String

        enum CodingKeys: String, CodingKey { case test, passed, testedAt = "tested_at" }
    }

    struct Monitored: Encodable {
        let test: String
        let intervalDays: Int
        let exempts: Bool
        let status: String

        enum CodingKeys: String, CodingKey { case test, intervalDays = "interval_days", exempts, status }
    }

    struct Supplier: Encodable {
        let code: String
        let name: String
        let standing: String
        let monitoring: [Monitored]
    }

    struct Enterprise: Encodable {
        let enterprise: String
        let monitoring: [Monitored]
    }

    struct Shift: Encodable {
        let port: String
        let examiner: String
        let lanes: [String]
        let from: String
        let until: String
        let onShift: Bool

        enum CodingKeys: String, CodingKey { case port, examiner, lanes, from, until, onShift = "on_shift" }
    }

    let sequence: Int64
    let at: String
    let lots: [Lot]
    let suppliers: [Supplier]
    let enterprises: [Enterprise]
    let unitConsumption: Int
    let examiners: [Shift]

    enum CodingKeys: String, CodingKey {
        case sequence, at, lots, suppliers, enterprises, unitConsumption = "unit_consumption", examiners
    }

    init(_ state: ReferenceState, sequence: Int64, at time: CivilTime) {
        self.sequence = sequence
        at = time.isoText
        func monitored(_ tests: [MonitoredTest]) -> [Monitored] {
            tests.map {
                let status = $0.status(at: time)
                return Monitored(
                    test: $0.test, intervalDays: $0.intervalDays, exempts: status.exempts,
                    status: status.explanation(of: $0.test))
            }
        }
        lots = state.lots.values.sorted { $0.id < $1.id }.map { lot in
            Lot(
                id: lot.id, holder: lot.holder, material: lot.material, hs: lot.hs?.description,
                supplier: lot.supplier, unit: lot.unit, quantity: lot.quantity, conforming: lot.conformingQuantity,
                writtenOff: lot.writtenOff, left: lot.left, validUntil: lot.validUntil?.isoText,
                tests: lot.tests.map { Result(test: $0.test, passed: $0.passed, testedAt: $0.testedAt.isoText) })
        }
        suppliers = state.suppliers.values.sorted { $0.code < $1.code }.map {
            Supplier(code: $0.code, name: $0.name, standing: $0.standing.rawValue, monitoring: monitored($0.monitoring))
        }
        enterprises = state.monitoring.values.sorted { $0.enterprise < $1.enterprise }.map {
            Enterprise(enterprise: $0.enterprise, monitoring: monitored($0.tests))
        }
        unitConsumption = state.consumption.count
        examiners = state.roster.map {
            Shift(
                port: $0.port, examiner: $0.examiner, lanes: $0.lanes.sorted().map(\.name), from: $0.from.isoText,
                until: $0.until.isoText, onShift: $0.from <= time && time < $0.until)
        }
    }
}
