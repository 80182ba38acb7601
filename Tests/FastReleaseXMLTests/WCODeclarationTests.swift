import FastReleaseCore
import FastReleaseTestSupport
import FastReleaseXML
import Foundation
import Testing

/// Every official UK CDS declaration decodes, and its fields match the document as read by an
/// independent XPath implementation of the field map in `docs/formats.md`.
@Suite("WCO DEC-DMS declarations")
struct WCODeclarationTests {
    static let namespaces = [
        "md": "urn:wco:datamodel:WCO:DocumentMetaData-DMS:2", "dec": "urn:wco:datamodel:WCO:DEC-DMS:2",
        "p1": "urn:wco:datamodel:WCO:Declaration_DS:DMS:2",
    ]

    @Test func thereAreFourteenOfficialDeclarations() throws {
        #expect(try Fixtures.officialWCODeclarationNames().count == 14)
    }

    @Test(arguments: try Fixtures.officialWCODeclarationNames())
    func declarationMatchesTheDocument(_ name: String) throws {
        let bytes = try Fixtures.officialWCODeclaration(name)
        let records = try decodeStream(bytes)
        #expect(records.errors.isEmpty, "\(records.errors)")
        let declaration = try #require(records.declarations.first)
        #expect(records.declarations.count == 1)
        let document = try XPathDocument(bytes, namespaces: Self.namespaces)
        let d = "//dec:Declaration"
        let g = "\(d)/dec:GoodsShipment"

        #expect(declaration.format == "DEC-DMS")
        #expect(declaration.id == document.string("\(d)/dec:FunctionalReferenceID"))
        #expect(declaration.messageID == declaration.id)
        let functionCode = document.string("\(d)/dec:FunctionCode")
        let typeCode = document.string("\(d)/dec:TypeCode")
        switch (functionCode, typeCode) {
        case ("13", "COR"):
            #expect(declaration.function == .amendment)
            #expect(declaration.amends == document.string("\(d)/dec:ID"))
            #expect(declaration.carriesChangesOnly)
        case ("13", "INV"):
            #expect(declaration.function == .cancellation)
            #expect(declaration.amends == document.string("\(d)/dec:ID"))
        default:
            #expect(functionCode == "9")
            #expect(declaration.function == .original)
            let requested =
                Int(
                    document.string(
                        "(\(g)/dec:GovernmentAgencyGoodsItem/dec:GovernmentProcedure[string-length(dec:CurrentCode)=2])[1]/dec:CurrentCode"
                    )) ?? 0
            let exports = typeCode.hasPrefix("EX") || (typeCode.hasPrefix("CO") && (10...31).contains(requested))
            #expect(declaration.direction == (exports ? .export : .import))
        }

        let declarant = document.string("\(d)/dec:Declarant/dec:ID")
        #expect(
            declaration.parties[.declarant]?.code
                == (declarant.isEmpty ? nilIfEmpty(document.string("\(d)/dec:Submitter/dec:ID")) : declarant))
        #expect(declaration.parties[.agent]?.code ?? "" == document.string("\(d)/dec:Agent/dec:ID"))
        let exporter = "(\(d)/dec:Exporter | \(g)/dec:Exporter)"
        #expect(declaration.parties[.exporter]?.code ?? "" == document.string("\(exporter)/dec:ID"))
        #expect(declaration.parties[.exporter]?.name ?? "" == document.string("\(exporter)/dec:Name"))
        #expect(
            declaration.parties[.exporter]?.country?.description ?? ""
                == document.string("\(exporter)/dec:Address/dec:CountryCode"))
        #expect(declaration.parties[.importer]?.code ?? "" == document.string("\(g)/dec:Importer/dec:ID"))
        #expect(declaration.parties[.importer]?.name ?? "" == document.string("\(g)/dec:Importer/dec:Name"))
        #expect(declaration.parties[.consignee]?.name ?? "" == document.string("\(g)/dec:Consignee/dec:Name"))
        #expect(
            declaration.parties[.consignee]?.country?.description ?? ""
                == document.string("\(g)/dec:Consignee/dec:Address/dec:CountryCode"))

        #expect(
            declaration.destinationCountry?.description ?? ""
                == document.string("\(g)/dec:Destination/dec:CountryCode"))
        let dispatch = document.string("\(g)/dec:ExportCountry/dec:ID")
        let itemDispatch = document.string("\(g)/dec:GovernmentAgencyGoodsItem/dec:ExportCountry/dec:ID")
        #expect(declaration.dispatchCountry?.description ?? "" == (dispatch.isEmpty ? itemDispatch : dispatch))
        #expect(declaration.office == document.string("\(d)/dec:SupervisingOffice/dec:ID"))
        let border = document.string("\(d)/dec:BorderTransportMeans/dec:ModeCode")
        let inland = document.string("\(g)/dec:Consignment/dec:ArrivalTransportMeans/dec:ModeCode")
        #expect(declaration.transportMode == (border.isEmpty ? inland : border))
        let exitOffice = document.string("\(d)/dec:ExitOffice/dec:ID")
        let location = document.string("\(g)/dec:Consignment/dec:GoodsLocation/dec:Name")
        #expect(declaration.port == (declaration.direction == .export && !exitOffice.isEmpty ? exitOffice : location))
        if let packages = document.number("\(d)/dec:TotalPackageQuantity") {
            #expect(declaration.packages == packages)
        }
        let issued = document.string("\(d)/dec:IssueDateTime/p1:DateTimeString")
        #expect(declaration.declaredAt == (issued.isEmpty ? nil : CivilTime(compact: issued.prefix(14))))

        let documents = document.count("\(d)//dec:AdditionalDocument")
        #expect(declaration.documents.count == documents)
        for index in 0..<documents {
            let path = "(\(d)//dec:AdditionalDocument)[\(index + 1)]"
            #expect(
                declaration.documents[index].kind
                    == document.string("\(path)/dec:CategoryCode") + document.string("\(path)/dec:TypeCode"))
            #expect(declaration.documents[index].identifier == document.string("\(path)/dec:ID"))
        }

        let items = document.count("\(g)/dec:GovernmentAgencyGoodsItem")
        #expect(declaration.items.count == items)
        for index in 0..<min(items, declaration.items.count) {
            try checkItem(declaration.items[index], "\(g)/dec:GovernmentAgencyGoodsItem[\(index + 1)]", document)
        }
        if declaration.function == .original {
            let first =
                "\(g)/dec:GovernmentAgencyGoodsItem[1]/dec:GovernmentProcedure[string-length(dec:CurrentCode)=2]"
            #expect(
                declaration.procedure == document.string("\(first)/dec:CurrentCode")
                    + document.string("\(first)/dec:PreviousCode"))
            let values = declaration.items.compactMap(\.value)
            if document.string("\(d)/dec:InvoiceAmount").isEmpty, values.count == declaration.items.count {
                #expect(declaration.totalValue == values.reduce(0, +))
            }
        }
    }

    private func checkItem(_ item: DeclarationItem, _ path: String, _ document: XPathDocument) throws {
        #expect(item.line == Int(document.string("\(path)/dec:SequenceNumeric")))
        let commodity = "\(path)/dec:Commodity"
        let code = document.string(
            "\(commodity)/dec:Classification[dec:IdentificationTypeCode='TSP' or dec:IdentificationTypeCode='GN']/dec:ID"
        )
        #expect(item.hs?.description ?? "" == code)
        #expect(item.description == document.string("\(commodity)/dec:Description"))
        #expect(item.originCountry?.description ?? "" == document.string("\(path)/dec:Origin/dec:CountryCode"))
        #expect(item.grossWeight == document.number("\(commodity)/dec:GoodsMeasure/dec:GrossMassMeasure"))
        #expect(item.netWeight == document.number("\(commodity)/dec:GoodsMeasure/dec:NetNetWeightMeasure"))
        let amount = "\(commodity)/dec:InvoiceLine/dec:ItemChargeAmount"
        if let value = document.number(amount) {
            #expect(item.value == value)
            #expect(item.currency == document.string("\(amount)/@currencyID"))
        }
        let units = document.number("\(commodity)/dec:GoodsMeasure/dec:TariffQuantity")
        let packages =
            document.count("\(path)/dec:Packaging/dec:QuantityQuantity") > 0
            ? document.number("sum(\(path)/dec:Packaging/dec:QuantityQuantity)") : nil
        let quantity = units ?? packages
        #expect(item.quantity == quantity)
        if let quantity, quantity > 0, let value = item.value {
            #expect(item.unitPrice == value / quantity)
        } else {
            #expect(item.unitPrice == nil)
        }
    }

    private func nilIfEmpty(_ text: String) -> String? { text.isEmpty ? nil : text }
}
