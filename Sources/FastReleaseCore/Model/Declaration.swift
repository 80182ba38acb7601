/// One customs declaration, decoded from its message into the fields risk rules test.
///
/// A `Declaration` is a plain value: decoders make them on any thread and hand them to the
/// scorer. Field names follow one vocabulary whatever the format (see `docs/profiles.md`).
public struct Declaration: Sendable, Hashable, Codable {
    /// The declaration's identifier (CEB `copNo`, WCO LRN).
    public var id: String
    /// The identifier of the message that carried it (CEB root `guid`).
    public var messageID: String
    /// The message format, such as `CEB621`.
    public var format: String
    /// Import or export.
    public var direction: Direction
    /// New, amended or cancelled.
    public var function: DeclarationFunction
    /// For an amendment or cancellation: the reference of the declaration it changes (WCO
    /// `ID`, the MRN customs issued; CEB: the same `copNo`). Empty for an original.
    public var amends: String
    /// Whether an amendment carries only the changed data (WCO), so that it must be merged
    /// with the declaration it amends before scoring; CEB amendments carry the whole inventory.
    public var carriesChangesOnly: Bool
    /// Identifiers the gateway's receipt repeats, by their names in the format (CEB `preNo`,
    /// `invtNo`, `orderNo`; WCO the amendment's own `FunctionalReferenceID`).
    public var references: [NamedReference]
    /// The trade mode or procedure code (CEB `tradeMode`, WCO CPC).
    public var procedure: String
    /// When the declarant says it was declared, in the declaration's local time.
    public var declaredAt: CivilTime?
    /// The declaring customs office.
    public var office: String
    /// The port of entry or exit.
    public var port: String
    /// The transport mode code.
    public var transportMode: String
    /// The country the goods were dispatched from.
    public var dispatchCountry: CountryCode?
    /// The country the goods are going to.
    public var destinationCountry: CountryCode?
    /// The total value, in `currency`.
    public var totalValue: Double?
    /// The currency of `totalValue`, ISO 4217.
    public var currency: String
    /// Gross weight in kilograms.
    public var grossWeight: Double?
    /// Net weight in kilograms.
    public var netWeight: Double?
    /// The number of packages.
    public var packages: Double?
    /// The documents cited.
    public var documents: [DocumentReference]
    /// The raw-material lots drawn on.
    public var lots: [LotReference]
    /// The parties, by role.
    public var parties: Parties
    /// The goods lines.
    public var items: [DeclarationItem]
    /// Odd data that did not stop decoding.
    public var issues: [DataIssue]
    /// Where the declaration starts in its input.
    public var position: SourcePosition

    /// Creates an empty declaration at a position; decoders fill in the fields.
    public init(format: String, direction: Direction, position: SourcePosition) {
        id = ""
        messageID = ""
        self.format = format
        self.direction = direction
        function = .original
        amends = ""
        carriesChangesOnly = false
        references = []
        procedure = ""
        office = ""
        port = ""
        transportMode = ""
        currency = ""
        documents = []
        lots = []
        parties = Parties()
        items = []
        issues = []
        self.position = position
    }
}

extension Declaration {
    /// The value of the reference with this name, if the declaration has one.
    public func reference(_ name: String) -> String? {
        // Lengths first: names of another length (most of them) are passed over without a
        // string comparison.
        let length = name.utf8.count
        for index in references.indices
        where references[index].name.utf8.count == length && references[index].name == name {
            return references[index].value
        }
        return nil
    }
}
