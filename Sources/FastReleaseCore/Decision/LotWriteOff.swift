/// The quantity of one lot a decision writes off, and what the lot has left after it.
public struct LotWriteOff: Sendable, Hashable, Codable {
    /// The lot's id.
    public var lot: String
    /// The quantity written off, in `unit`.
    public var quantity: Double
    /// The lot's conforming quantity left after this write-off.
    public var left: Double
    /// The lot's unit (UN/ECE Rec 20).
    public var unit: String

    /// Creates a write-off.
    public init(lot: String, quantity: Double, left: Double, unit: String) {
        self.lot = lot
        self.quantity = quantity
        self.left = left
        self.unit = unit
    }
}
