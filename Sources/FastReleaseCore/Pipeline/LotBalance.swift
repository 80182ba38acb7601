/// What one lot had and has left after a run that wrote off against it.
public struct LotBalance: Sendable, Hashable {
    /// The lot's id.
    public var lot: String
    /// Written off during the run.
    public var writtenOff: Double
    /// The conforming quantity left at the end.
    public var left: Double
    /// The lot's conforming quantity.
    public var conforming: Double
    /// The lot's unit.
    public var unit: String

    /// Creates a balance.
    public init(lot: String, writtenOff: Double, left: Double, conforming: Double, unit: String) {
        self.lot = lot
        self.writtenOff = writtenOff
        self.left = left
        self.conforming = conforming
        self.unit = unit
    }

    /// `lot L-2026-0017: 7.5 H87 written off, 292.5 of 300 left`.
    public var description: String {
        "lot \(lot): \(Quantity.text(writtenOff)) \(unit) written off, \(Quantity.text(left)) of \(Quantity.text(conforming)) left"
    }
}
