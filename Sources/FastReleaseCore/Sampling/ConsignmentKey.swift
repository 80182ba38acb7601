/// What identifies a consignment for random selection, whatever id the declarant gives it.
///
/// A draw keyed on the declaration's own id could be rolled again by cancelling and declaring
/// the same goods under a new id. The key is made of what the trade itself fixes:
/// - CEB (`CEB621`, `CEB603`): the e-commerce enterprise (`ebcCode`), its order number
///   (`orderNo`) and the waybill number (`logisticsNo`): `CEB|ebcCode|orderNo|logisticsNo`.
///   An order shipped under one waybill is one consignment, however often it is declared.
/// - WCO: the trader (importer on import, exporter on export, else the declarant) and the
///   consignment's reference: the UCR (`GoodsShipment/UCR/TraderAssignedReferenceID`), else the
///   DUCR (`GoodsShipment/PreviousDocument` of type `DCR`): `WCO|trader|reference`.
/// - When those are missing: the trader and the goods (each line's HS code, quantity and
///   unit, in line order): `GOODS|trader|hs:quantity:unit;…`. Declaring other goods is then
///   a new draw, but changing only the id, the time or the message is not.
///
/// Never in the key: the declaration's id, its message id, its time, or anything a
/// declarant can change without changing the consignment.
public enum ConsignmentKey {
    /// The key of a declaration.
    public static func of(_ declaration: Declaration) -> String {
        if declaration.format.hasPrefix("CEB"),
            let seller = nonEmpty(declaration.parties.code(.seller)),
            let order = nonEmpty(declaration.reference("orderNo")),
            let waybill = nonEmpty(declaration.reference("logisticsNo"))
        {
            return "CEB|\(seller)|\(order)|\(waybill)"
        }
        let trader = trader(of: declaration)
        if !declaration.format.hasPrefix("CEB"),
            let reference = nonEmpty(declaration.reference("UCR")) ?? nonEmpty(declaration.reference("DUCR"))
        {
            return "WCO|\(trader)|\(reference)"
        }
        var key = "GOODS|\(trader)|"
        for (index, item) in declaration.items.enumerated() {
            if index > 0 { key += ";" }
            key += "\(item.hs?.description ?? ""):\(item.quantity.map { Quantity.text($0) } ?? ""):\(item.unit)"
        }
        return key
    }

    private static func trader(of declaration: Declaration) -> String {
        let role: PartyRole = declaration.direction == .import ? .importer : .exporter
        return nonEmpty(declaration.parties.code(role)) ?? nonEmpty(declaration.parties.code(.seller))
            ?? declaration.parties.code(.declarant) ?? ""
    }

    private static func nonEmpty(_ text: String?) -> String? {
        guard let text, !text.isEmpty else { return nil }
        return text
    }
}
