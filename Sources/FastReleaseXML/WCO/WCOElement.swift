/// The WCO data model element names the declaration decoder reads (local names, namespace
/// `urn:wco:datamodel:WCO:DEC-DMS:2`, and `DateTimeString` in the `Declaration_DS`
/// namespace). Names not listed are kept on the path as ``other``.
enum WCOElement: String, CaseIterable {
    // Aggregates
    case declaration = "Declaration", goodsShipment = "GoodsShipment", item = "GovernmentAgencyGoodsItem"
    case commodity = "Commodity", classification = "Classification", goodsMeasure = "GoodsMeasure"
    case invoiceLine = "InvoiceLine", origin = "Origin", packaging = "Packaging"
    case governmentProcedure = "GovernmentProcedure", additionalDocument = "AdditionalDocument"
    case additionalInformation = "AdditionalInformation", consignment = "Consignment"
    case goodsLocation = "GoodsLocation", arrivalTransportMeans = "ArrivalTransportMeans"
    case borderTransportMeans = "BorderTransportMeans", destination = "Destination", exportCountry = "ExportCountry"
    case address = "Address", supervisingOffice = "SupervisingOffice", exitOffice = "ExitOffice"
    case issueDateTime = "IssueDateTime", previousDocument = "PreviousDocument", ucr = "UCR"
    // Parties
    case declarant = "Declarant", agent = "Agent", exporter = "Exporter", importer = "Importer"
    case consignee = "Consignee", submitter = "Submitter"
    // Leaves
    case functionCode = "FunctionCode", functionalReferenceID = "FunctionalReferenceID", id = "ID"
    case typeCode = "TypeCode", goodsItemQuantity = "GoodsItemQuantity"
    case totalPackageQuantity = "TotalPackageQuantity", invoiceAmount = "InvoiceAmount", name = "Name"
    case countryCode = "CountryCode", modeCode = "ModeCode", sequenceNumeric = "SequenceNumeric"
    case description = "Description", identificationTypeCode = "IdentificationTypeCode"
    case grossMassMeasure = "GrossMassMeasure", netNetWeightMeasure = "NetNetWeightMeasure"
    case tariffQuantity = "TariffQuantity", itemChargeAmount = "ItemChargeAmount"
    case statisticalValueAmount = "StatisticalValueAmount", quantityQuantity = "QuantityQuantity"
    case currentCode = "CurrentCode", previousCode = "PreviousCode", categoryCode = "CategoryCode"
    case dateTimeString = "DateTimeString", statementDescription = "StatementDescription"
    case traderAssignedReferenceID = "TraderAssignedReferenceID"
    /// Any element the decoder does not read.
    case other = ""

    /// The party role an element names, if it is a party.
    var partyRole: PartyRoleName? {
        switch self {
        case .declarant: .declarant
        case .agent: .agent
        case .exporter: .exporter
        case .importer: .importer
        case .consignee: .consignee
        case .submitter: .submitter
        default: nil
        }
    }

    /// Looks up a libxml2 name.
    @inline(__always)
    static func named(_ name: UnsafePointer<UInt8>) -> WCOElement {
        table.lookup(name).map { cases[$0] } ?? .other
    }

    private static let cases = allCases.filter { $0 != .other }
    private static let table = NameTable(cases.map(\.rawValue))
}
