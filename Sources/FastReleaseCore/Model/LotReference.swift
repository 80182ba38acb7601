/// A raw-material lot a finished-goods declaration draws on.
public struct LotReference: Sendable, Hashable, Codable {
    /// The lot's identifier.
    public var identifier: String
    /// How much of the lot the declaration consumes, in the lot's unit.
    public var quantity: Double?

    /// Creates a lot reference.
    public init(identifier: String, quantity: Double? = nil) {
        self.identifier = identifier
        self.quantity = quantity
    }
}
