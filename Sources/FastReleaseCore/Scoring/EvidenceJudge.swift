/// Judges whether the reference state satisfies a fired rule's lab tests (practices 3, 4 and 5),
/// for one declaration; keeps what the declaration's earlier rules already wrote off, so that
/// two rules resting on one lot line write it off once.
struct EvidenceJudge {
    private let state: ReferenceState
    private let declaration: Declaration
    private let enterprise: String
    private let asOf: CivilTime
    /// Consumption claimed so far in this decision, by lot and goods line, in the lot's unit.
    private(set) var claimed: [LotLine: Double] = [:]

    /// One lot drawn on by one goods line.
    struct LotLine: Hashable {
        var lot: String
        var line: Int
    }

    init(state: ReferenceState, declaration: Declaration, enterprise: String, asOf: CivilTime) {
        self.state = state
        self.declaration = declaration
        self.enterprise = enterprise
        self.asOf = asOf
    }

    /// Tries `kinds` in order for `tests` over goods `lines` (every line when empty): the
    /// findings end with a satisfied one when some kind applies.
    mutating func judge(tests: [String], kinds: [EvidenceKind], lines: [Int]) -> [EvidenceFinding] {
        let lines = lines.isEmpty ? declaration.items.map(\.line) : lines
        var findings: [EvidenceFinding] = []
        for kind in kinds {
            let found: [EvidenceFinding] =
                switch kind {
                case .lot: lotEvidence(tests: tests, lines: lines)
                case .supplier: supplierEvidence(tests: tests, lines: lines)
                case .monitoring: [monitoringEvidence(tests: tests)]
                }
            findings += found
            if found.last?.satisfied == true { break }
        }
        return findings
    }

    /// The write-offs this decision makes, one per lot, in lot order.
    var writeOffs: [LotWriteOff] {
        var totals: [String: Double] = [:]
        for (key, quantity) in claimed { totals[key.lot, default: 0] += quantity }
        return totals.keys.sorted().compactMap { id in
            guard let lot = state.lots[id] else { return nil }
            let quantity = Quantity.rounded(totals[id]!)
            return LotWriteOff(lot: id, quantity: quantity, left: Quantity.rounded(lot.left - quantity), unit: lot.unit)
        }
    }

    // MARK: Lots

    private func claimedTotal(of lot: String) -> Double {
        claimed.reduce(0) { $1.key.lot == lot ? $0 + $1.value : $0 }
    }

    private mutating func lotEvidence(tests: [String], lines: [Int]) -> [EvidenceFinding] {
        var uses: [LotLine: Double] = [:]
        for line in lines {
            switch firstUsable(citedFor: line, { usable($0.identifier, line: line, tests: tests, uses: uses) }) {
            case .none: return [unsatisfied(.lot, "", "line \(line) cites no lot")]
            case .refused(let reference, let refusal): return [unsatisfied(.lot, reference.identifier, refusal.text)]
            case .found(let reference, let quantity): uses[LotLine(lot: reference.identifier, line: line)] = quantity
            }
        }
        for (key, quantity) in uses { claimed[key] = quantity }
        var byLot: [String: Double] = [:]
        for (key, quantity) in uses { byLot[key.lot, default: 0] += quantity }
        return byLot.keys.sorted().map { id in
            let lot = state.lots[id]!
            let quantity = Quantity.rounded(byLot[id]!)
            let left = Quantity.rounded(lot.left - claimedTotal(of: id))
            return EvidenceFinding(
                kind: .lot, satisfied: true, subject: id,
                detail:
                    "lot \(id) (\(lot.material)) conforms; \(Quantity.text(quantity)) \(lot.unit) written off, \(Quantity.text(left)) of \(Quantity.text(lot.conformingQuantity)) left",
                writtenOff: quantity, left: left, unit: lot.unit)
        }
    }

    private struct Refusal: Error {
        var text: String
    }

    /// What the lots cited for a line gave.
    private enum Citation<Value> {
        /// The line cites no lot.
        case none
        /// The first cited lot that served, and what it gave.
        case found(LotReference, Value)
        /// None served; the first cited lot and why it did not.
        case refused(LotReference, Refusal)
    }

    /// Tries `attempt` on each lot cited for goods `line`, in order.
    private func firstUsable<Value>(citedFor line: Int, _ attempt: (LotReference) -> Result<Value, Refusal>)
        -> Citation<Value>
    {
        var first: (LotReference, Refusal)? = nil
        for reference in declaration.lots where reference.applies(toLine: line) {
            switch attempt(reference) {
            case .success(let value): return .found(reference, value)
            case .failure(let refusal): first = first ?? (reference, refusal)
            }
        }
        return first.map { .refused($0.0, $0.1) } ?? .none
    }

    /// What goods `line` consumes of lot `id`, if the lot may be written off for it.
    private func usable(_ id: String, line: Int, tests: [String], uses: [LotLine: Double]) -> Result<Double, Refusal> {
        guard let lot = state.lots[id] else {
            return .failure(Refusal(text: "lot \(id) is not in the reference state"))
        }
        if let refusal = ownership(of: lot) { return .failure(refusal) }
        if let until = lot.validUntil, asOf > until {
            return .failure(Refusal(text: "lot \(id) could be written off until \(until.day)"))
        }
        let coverage = lot.covers(tests: tests)
        guard coverage.covered else { return .failure(Refusal(text: coverage.reason)) }
        let key = LotLine(lot: id, line: line)
        if let already = claimed[key] { return .success(already) }
        let consumption = self.consumption(of: lot, byLine: line)
        guard case .success(let needed) = consumption else { return consumption }
        let taken = claimedTotal(of: id) + uses.reduce(0) { $1.key.lot == id ? $0 + $1.value : $0 }
        let available = Quantity.rounded(lot.left - taken)
        guard needed <= available else {
            return .failure(
                Refusal(
                    text:
                        "lot \(id) has \(Quantity.text(available)) of \(Quantity.text(lot.conformingQuantity)) \(lot.unit) left, line \(line) needs \(Quantity.text(needed))"
                ))
        }
        return .success(needed)
    }

    private func ownership(of lot: TestedLot) -> Refusal? {
        guard lot.holder != enterprise else { return nil }
        let who = enterprise.isEmpty ? "a declaration that names no enterprise" : enterprise
        return Refusal(text: "lot \(lot.id) is held by \(lot.holder), not \(who)")
    }

    /// Unit consumption (单耗) times the line's quantity in the unit the table gives it per.
    private func consumption(of lot: TestedLot, byLine line: Int) -> Result<Double, Refusal> {
        guard let item = declaration.items.first(where: { $0.line == line }), let product = item.hs else {
            return .failure(
                Refusal(text: "line \(line) has no HS code, so what it consumes of lot \(lot.id) is unknown"))
        }
        guard let material = lot.hs else {
            return .failure(Refusal(text: "lot \(lot.id) has no HS code, so no unit consumption applies to it"))
        }
        guard let entry = state.consumption(of: material, by: product) else {
            return .failure(
                Refusal(text: "no unit consumption of \(material) by \(product) (line \(line)); add one to the state"))
        }
        guard entry.materialUnit == lot.unit else {
            return .failure(
                Refusal(
                    text:
                        "unit consumption of \(entry.material) by \(entry.product) is in \(entry.materialUnit), lot \(lot.id) in \(lot.unit)"
                ))
        }
        let quantity: Double? =
            if item.legalUnit == entry.productUnit, let legal = item.legalQuantity {
                legal
            } else if item.unit == entry.productUnit, let declared = item.quantity {
                declared
            } else {
                nil
            }
        guard let quantity else {
            let declared = item.quantity.map { "\(Quantity.text($0)) \(item.unit)" } ?? "no quantity"
            return .failure(
                Refusal(
                    text:
                        "line \(line) declares no quantity in \(entry.productUnit), the unit consumption's unit (it declares \(declared))"
                ))
        }
        return .success(Quantity.rounded(entry.perUnit * quantity))
    }

    // MARK: Suppliers

    private func supplierEvidence(tests: [String], lines: [Int]) -> [EvidenceFinding] {
        var relied: [String: [MonitoringStatus]] = [:]
        for line in lines {
            switch firstUsable(citedFor: line, { exemptingSupplier($0.identifier, tests: tests) }) {
            case .none: return [unsatisfied(.supplier, "", "line \(line) cites no lot, so its supplier is unknown")]
            case .refused(let reference, let refusal):
                return [unsatisfied(.supplier, state.lots[reference.identifier]?.supplier ?? "", refusal.text)]
            case .found(_, let (code, statuses)): relied[code] = statuses
            }
        }
        return relied.keys.sorted().map { code in
            let supplier = state.suppliers[code]!
            let statuses = relied[code]!
            let explained = zip(tests, statuses).map { $1.explanation(of: $0) }.joined(separator: "; ")
            return EvidenceFinding(
                kind: .supplier, satisfied: true, subject: code,
                detail: "supplier \(code) (\(supplier.name)) is registered: \(explained)",
                testedOn: Self.oldestTestedOn(statuses))
        }
    }

    private func exemptingSupplier(_ id: String, tests: [String]) -> Result<(String, [MonitoringStatus]), Refusal> {
        guard let lot = state.lots[id] else {
            return .failure(Refusal(text: "lot \(id) is not in the reference state"))
        }
        if let refusal = ownership(of: lot) { return .failure(refusal) }
        guard !lot.supplier.isEmpty else { return .failure(Refusal(text: "lot \(id) names no supplier")) }
        guard let supplier = state.suppliers[lot.supplier] else {
            return .failure(Refusal(text: "supplier \(lot.supplier) of lot \(id) is not registered"))
        }
        guard supplier.standing == .registered else {
            return .failure(
                Refusal(text: "supplier \(supplier.code) of lot \(id) is \(supplier.standing.rawValue), not registered")
            )
        }
        let statuses = tests.map { test in
            supplier.monitoring.first { $0.test == test }?.status(at: asOf) ?? .never
        }
        if let index = statuses.firstIndex(where: { !$0.exempts }) {
            return .failure(
                Refusal(text: "supplier \(supplier.code): \(statuses[index].explanation(of: tests[index]))"))
        }
        return .success((supplier.code, statuses))
    }

    // MARK: Monitoring

    private func monitoringEvidence(tests: [String]) -> EvidenceFinding {
        guard !enterprise.isEmpty else { return unsatisfied(.monitoring, "", "the declaration names no enterprise") }
        guard state.monitoring[enterprise] != nil else {
            return unsatisfied(.monitoring, enterprise, "enterprise \(enterprise) is not under monitoring")
        }
        let statuses = state.monitoringStatus(of: enterprise, for: tests, at: asOf)
        if let (test, status) = statuses.first(where: { !$0.status.exempts }) {
            var finding = unsatisfied(
                .monitoring, enterprise, "enterprise \(enterprise): \(status.explanation(of: test))")
            finding.testedOn = Self.endedOn(status)
            return finding
        }
        let explained = statuses.map { $0.status.explanation(of: $0.test) }.joined(separator: "; ")
        return EvidenceFinding(
            kind: .monitoring, satisfied: true, subject: enterprise,
            detail: "enterprise \(enterprise) is under monitoring: \(explained)",
            testedOn: Self.oldestTestedOn(statuses.map(\.status)))
    }

    // MARK: Findings

    private func unsatisfied(_ kind: EvidenceKind, _ subject: String, _ detail: String) -> EvidenceFinding {
        EvidenceFinding(kind: kind, satisfied: false, subject: subject, detail: detail)
    }

    private static func oldestTestedOn(_ statuses: [MonitoringStatus]) -> String? {
        statuses.compactMap { status -> CivilTime? in
            if case .passing(let testedAt, _) = status { return testedAt }
            return nil
        }.min()?.day
    }

    private static func endedOn(_ status: MonitoringStatus) -> String? {
        switch status {
        case .lapsed(let since): since.day
        case .failed(let on): on.day
        case .passing, .never: nil
        }
    }
}
