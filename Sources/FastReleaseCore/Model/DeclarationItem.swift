/// One goods line of a declaration.
///
/// Every field a rule can test is here, with codes normalised: ISO countries and
/// currencies, HS codes as digits. Amounts that the message omits or states badly are `nil`.
public struct DeclarationItem: Sendable, Hashable, Codable {
    /// The line number as declared (CEB `gnum`, WCO `SequenceNumeric`).
    public var line: Int
    /// The commodity code.
    public var hs: HSCode?
    /// The goods name or description.
    public var description: String
    /// The declared quantity, in `unit`.
    public var quantity: Double?
    /// The unit of `quantity`: a UN/ECE Rec 20 code where the source code maps to one.
    public var unit: String
    /// The quantity in the legal (statistical) unit.
    public var legalQuantity: Double?
    /// The legal unit.
    public var legalUnit: String
    /// The price of one unit.
    public var unitPrice: Double?
    /// The line's value.
    public var value: Double?
    /// The currency of `unitPrice` and `value`, ISO 4217.
    public var currency: String
    /// Where the goods were made.
    public var originCountry: CountryCode?
    /// Where the goods finally go (CEB export `country` on the line).
    public var destinationCountry: CountryCode?
    /// Gross weight in kilograms.
    public var grossWeight: Double?
    /// Net weight in kilograms.
    public var netWeight: Double?

    /// Creates an item with the given line number and empty fields.
    public init(line: Int) {
        self.line = line
        description = ""
        unit = ""
        legalUnit = ""
        currency = ""
    }
}
