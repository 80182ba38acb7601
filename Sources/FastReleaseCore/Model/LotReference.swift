/// A raw-material lot a finished-goods declaration draws on.
public struct LotReference: Sendable, Hashable, Codable {
    /// The lot's identifier.
    public var identifier: String
    /// The quantity the citing line declares (CEB `qty` of the line), in that line's unit: not
    /// the lot's; what the line consumes of the lot comes from the unit-consumption table.
    public var quantity: Double?
    /// The goods line that cites the lot; `nil` when the declaration cites it for all its lines.
    public var line: Int?

    /// Creates a lot reference.
    public init(identifier: String, quantity: Double? = nil, line: Int? = nil) {
        self.identifier = identifier
        self.quantity = quantity
        self.line = line
    }

    /// Whether the reference applies to goods line `number`.
    public func applies(toLine number: Int) -> Bool { line == nil || line == number }
}
