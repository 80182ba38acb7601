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
/// declarant can change without changing the consignment. The key keeps its parts (the
/// declaration's own strings, so that making one allocates nothing) and writes its text only
/// when asked.
public struct ConsignmentKey: Sendable, Hashable, CustomStringConvertible {
    /// Which fields make the key.
    public enum Kind: String, Sendable, Hashable {
        /// Enterprise, order and waybill.
        case ceb = "CEB"
        /// Trader and UCR or DUCR.
        case wco = "WCO"
        /// Trader and goods.
        case goods = "GOODS"
    }

    /// Which fields make the key.
    public var kind: Kind
    /// The parts after the kind, in order (two or three).
    private var first: String
    private var second: String
    private var third: String?

    /// The key of a declaration.
    public init(_ declaration: borrowing Declaration) {
        var format = declaration.format
        let isCEB = format.withUTF8 { $0.count >= 3 && $0[0] == 0x43 && $0[1] == 0x45 && $0[2] == 0x42 }  // "CEB"
        if isCEB, let seller = Self.nonEmpty(declaration.parties.code(.seller)),
            let order = Self.nonEmpty(declaration.reference("orderNo")),
            let waybill = Self.nonEmpty(declaration.reference("logisticsNo"))
        {
            (kind, first, second, third) = (.ceb, seller, order, waybill)
            return
        }
        let trader = Self.trader(of: declaration)
        if !isCEB,
            let reference = Self.nonEmpty(declaration.reference("UCR")) ?? Self.nonEmpty(declaration.reference("DUCR"))
        {
            (kind, first, second, third) = (.wco, trader, reference, nil)
            return
        }
        var goods = ""
        for (index, item) in declaration.items.enumerated() {
            if index > 0 { goods += ";" }
            goods += "\(item.hs?.description ?? ""):\(item.quantity.map { Quantity.text($0) } ?? ""):\(item.unit)"
        }
        (kind, first, second, third) = (.goods, trader, goods, nil)
    }

    /// The key's text, `KIND|part|part[|part]`: what a draw hashes after the seed.
    public var description: String {
        third.map { "\(kind.rawValue)|\(first)|\(second)|\($0)" } ?? "\(kind.rawValue)|\(first)|\(second)"
    }

    /// The key of a declaration, as text.
    public static func of(_ declaration: Declaration) -> String {
        ConsignmentKey(declaration).description
    }

    /// How many bytes ``write(into:at:)`` writes.
    var byteCount: Int {
        kind.rawValue.utf8.count + 2 + first.utf8.count + second.utf8.count + (third.map { $0.utf8.count + 1 } ?? 0)
    }

    /// Writes the key's text into `buffer` from `offset`, returning the offset after it.
    func write(into buffer: UnsafeMutableBufferPointer<UInt8>, at offset: Int) -> Int {
        var offset = offset
        func put(_ text: String) {
            var text = text
            offset = text.withUTF8 { bytes in
                UnsafeMutableBufferPointer(rebasing: buffer[offset...]).initialize(fromContentsOf: bytes) + offset
            }
        }
        put(kind.rawValue)
        buffer[offset] = UInt8(ascii: "|")
        offset += 1
        put(first)
        buffer[offset] = UInt8(ascii: "|")
        offset += 1
        put(second)
        if let third {
            buffer[offset] = UInt8(ascii: "|")
            offset += 1
            put(third)
        }
        return offset
    }

    private static func trader(of declaration: borrowing Declaration) -> String {
        let role: PartyRole = declaration.direction == .import ? .importer : .exporter
        return nonEmpty(declaration.parties.code(role)) ?? nonEmpty(declaration.parties.code(.seller))
            ?? declaration.parties.code(.declarant) ?? ""
    }

    private static func nonEmpty(_ text: String?) -> String? {
        guard let text, !text.isEmpty else { return nil }
        return text
    }
}
