/// A raw-material lot the authority tested (原料检测): who holds it, what it is and from whom,
/// how much of it conformed, and until when it may be written off against.
///
/// Finished goods made from a conforming lot are released while the lot's quantity left covers
/// what they consume (原料核销放行); what a declaration consumes is written off.
public struct TestedLot: Sendable, Hashable, Codable {
    /// The lot's id (as declarations cite it: CEB `emsNo`/`itemRecordNo`, a WCO document).
    public var id: String
    /// The enterprise that holds the lot (the maker of the finished goods).
    public var holder: String
    /// The material, in words (`fox hides`).
    public var material: String
    /// The material's HS code, if known.
    public var hs: HSCode?
    /// The supplier's code (a tannery), if known.
    public var supplier: String
    /// The quantity of the lot.
    public var quantity: Double
    /// The quantity's unit: a UN/ECE Rec 20 code (`H87` pieces, `KGM` kilograms), as declarations'
    /// units are normalised.
    public var unit: String
    /// The tests done on the lot.
    public var tests: [TestResult]
    /// How much of the lot was found conforming (what may be written off in all).
    public var conformingQuantity: Double
    /// The last time the lot may be written off against; `nil` for no end.
    public var validUntil: CivilTime?
    /// How much has been written off so far.
    public var writtenOff: Double

    /// The conforming quantity not yet written off.
    public var left: Double { max(0, conformingQuantity - writtenOff) }

    /// Creates a lot.
    public init(
        id: String, holder: String, material: String, hs: HSCode? = nil, supplier: String = "", quantity: Double,
        unit: String, tests: [TestResult] = [], conformingQuantity: Double, validUntil: CivilTime? = nil,
        writtenOff: Double = 0
    ) {
        self.id = id
        self.holder = holder
        self.material = material
        self.hs = hs
        self.supplier = supplier
        self.quantity = quantity
        self.unit = unit
        self.tests = tests
        self.conformingQuantity = conformingQuantity
        self.validUntil = validUntil
        self.writtenOff = writtenOff
    }

    /// Whether every test in `required` was done on the lot and passed, and, if not, the first
    /// that was not, in a sentence.
    public func covers(tests required: [String]) -> (covered: Bool, reason: String) {
        for test in required {
            let results = tests.filter { $0.test == test }
            guard let newest = results.max(by: { $0.testedAt < $1.testedAt }) else {
                return (false, "lot \(id) was not tested for \(test)")
            }
            guard newest.passed else { return (false, "lot \(id) failed \(test) on \(newest.testedAt.day)") }
        }
        return (true, "")
    }
}
