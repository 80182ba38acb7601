/// How much raw material one unit of a finished product consumes (单耗), for writing off lots.
///
/// A product is named by an HS prefix of the finished goods (`4303` fur garments) and the
/// material by the lot's material HS prefix; `perUnit` is in the lot's unit per unit of the
/// declaration's legal quantity.
public struct UnitConsumption: Sendable, Hashable, Codable {
    /// The finished goods, as an HS prefix.
    public var product: HSCode
    /// The raw material, as an HS prefix.
    public var material: HSCode
    /// Raw material consumed per unit of finished goods.
    public var perUnit: Double
    /// The finished goods' unit the figure is per (UN/ECE Rec 20, such as `H87` pieces).
    public var productUnit: String
    /// The raw material's unit (the lot's).
    public var materialUnit: String

    /// Creates an entry.
    public init(product: HSCode, material: HSCode, perUnit: Double, productUnit: String, materialUnit: String) {
        self.product = product
        self.material = material
        self.perUnit = perUnit
        self.productUnit = productUnit
        self.materialUnit = materialUnit
    }
}
