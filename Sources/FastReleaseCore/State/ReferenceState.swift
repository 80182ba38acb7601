/// What the authority already knows that declarations are judged against: tested raw-material
/// lots, registered suppliers, the monitoring enterprises are under, and unit consumption.
///
/// A value: the scorer reads one snapshot, so scoring does no I/O; changes make a new snapshot.
///
/// ```swift
/// let state = try ReferenceStateReader().read(files: ["lots.csv": lots, "lot-tests.csv": tests])
/// state.lots["L-17"]?.conformingQuantity
/// ```
public struct ReferenceState: Sendable, Hashable, Codable {
    /// Lots by id.
    public var lots: [String: TestedLot]
    /// Suppliers by code.
    public var suppliers: [String: RegisteredSupplier]
    /// Monitoring by enterprise code.
    public var monitoring: [String: EnterpriseMonitoring]
    /// Unit consumption entries.
    public var consumption: [UnitConsumption]
    /// The examiners' shifts, by port (``ExaminerDesk`` draws from them).
    public var roster: [RosterShift] = []

    /// Creates a state.
    public init(
        lots: [String: TestedLot] = [:], suppliers: [String: RegisteredSupplier] = [:],
        monitoring: [String: EnterpriseMonitoring] = [:], consumption: [UnitConsumption] = []
    ) {
        self.lots = lots
        self.suppliers = suppliers
        self.monitoring = monitoring
        self.consumption = consumption
    }

    /// The raw material one unit of `product` consumes of `material`: the entry with the longest
    /// matching prefixes, if any.
    public func consumption(of material: HSCode, by product: HSCode) -> UnitConsumption? {
        consumption.filter { product.hasPrefix($0.product) && material.hasPrefix($0.material) }
            .max { ($0.product.length, $0.material.length) < ($1.product.length, $1.material.length) }
    }

    /// Whether the monitoring of `enterprise` exempts it from each of `tests` at `time`: the
    /// statuses, in the order asked (`.never` for a test it is not monitored for).
    public func monitoringStatus(of enterprise: String, for tests: [String], at time: CivilTime) -> [(
        test: String, status: MonitoringStatus
    )] {
        let monitored = monitoring[enterprise]?.tests ?? []
        return tests.map { test in (test, monitored.first { $0.test == test }?.status(at: time) ?? .never) }
    }

    /// The state with `writeOffs` given back to their lots: what an amendment of a declaration
    /// that wrote them off is judged against.
    public func givingBack(_ writeOffs: [LotWriteOff]) -> ReferenceState {
        var state = self
        state.apply(LotClaim.net(taking: [], givingBack: writeOffs))
        return state
    }

    /// Writes `writeOffs` off their lots, in place: what the next declaration of the same message
    /// is judged against.
    public mutating func takeOff(_ writeOffs: [LotWriteOff]) {
        apply(LotClaim.net(taking: writeOffs, givingBack: []))
    }

    /// Applies `claims` in place: written off (positive) or given back (negative).
    public mutating func apply(_ claims: [LotClaim]) {
        for claim in claims {
            guard let before = lots[claim.lot]?.writtenOff else { continue }
            lots[claim.lot]!.writtenOff = max(0, Quantity.rounded(before + claim.quantity))
        }
    }

    /// The state with each lot's written-off quantity as the decision log keeps it (millionths;
    /// lots it does not name keep theirs).
    public func withBalances(millionths writtenOff: [String: Int64]) -> ReferenceState {
        var state = self
        for (lot, quantity) in writtenOff where state.lots[lot] != nil {
            state.lots[lot]!.writtenOff = Quantity.fromMillionths(quantity)
        }
        return state
    }
}
