/// What recording one decision revision does to one lot: a positive quantity is written off, a
/// negative one given back (a cancellation, or an amendment that consumes less).
///
/// The decision log applies a revision's claims in the transaction that records it, and only if
/// it records it (a resend claims nothing), refusing the revision when a lot would be overdrawn.
public struct LotClaim: Sendable, Hashable {
    /// The lot's id.
    public var lot: String
    /// The quantity, in the lot's unit: written off when positive, given back when negative.
    public var quantity: Double

    /// Creates a claim.
    public init(lot: String, quantity: Double) {
        self.lot = lot
        self.quantity = quantity
    }

    /// The quantity in millionths of the lot's unit: how the log keeps balances, exactly.
    public var millionths: Int64 { Quantity.millionths(quantity) }

    /// The claims of a revision that writes off `taken` and replaces one that had written off
    /// `given`: the difference, lot by lot, without zeros, in lot order.
    public static func net(taking taken: [LotWriteOff], givingBack given: [LotWriteOff]) -> [LotClaim] {
        if taken.isEmpty, given.isEmpty { return [] }  // most decisions, on the hot path
        var totals: [String: Double] = [:]
        for writeOff in taken { totals[writeOff.lot, default: 0] += writeOff.quantity }
        for writeOff in given { totals[writeOff.lot, default: 0] -= writeOff.quantity }
        return totals.keys.sorted().compactMap { lot in
            let quantity = Quantity.rounded(totals[lot]!)
            return quantity == 0 ? nil : LotClaim(lot: lot, quantity: quantity)
        }
    }
}
