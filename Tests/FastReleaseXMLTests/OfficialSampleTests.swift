import FastReleaseCore
import FastReleaseTestSupport
import Foundation
import Testing

@testable import FastReleaseXML

@Suite("Official CEB samples")
struct OfficialSampleTests {
    /// What each official sample must give: declarations, or a refusal naming the message.
    static let expectations: [String: (declarations: Int, refusal: String?)] = [
        "CEB311Message.xml": (0, "CEB311, an import order, is not a declaration message"),
        "CEB312Message.xml": (0, "CEB312, an import order receipt"),
        "CEB411Message.xml": (0, "CEB411, an import payment message"),
        "CEB412Message.xml": (0, "CEB412, an import payment receipt"),
        "CEB511Message.xml": (0, "CEB511, an import logistics waybill"),
        "CEB512Message.xml": (0, "CEB512, an import logistics receipt"),
        "CEB513Message.xml": (0, "CEB513, an import logistics status message"),
        "CEB514Message.xml": (0, "CEB514, its receipt"),
        "CEB603Message.xml": (10, nil),
        "CEB604Message.xml": (0, "CEB604, an export inventory receipt"),
        "CEB621Message.xml": (10, nil),
        "CEB622Message.xml": (0, "CEB622, an import inventory receipt"),
        "CEB623Message.xml": (0, "CEB623, an import inventory cancellation application"),
        "CEB624Message.xml": (0, "CEB624, its receipt"),
        "CEB625Message.xml": (0, "CEB625, an import refund application"),
        "CEB626Message.xml": (0, "CEB626, its receipt"),
        "CEB711Message.xml": (0, "CEB711, an import delivery"),
        "CEB712Message.xml": (0, "CEB712, its receipt"),
    ]

    @Test func everyOfficialSampleIsCovered() throws {
        #expect(Set(try Fixtures.officialCEBNames()) == Set(Self.expectations.keys))
    }

    @Test(arguments: try Fixtures.officialCEBNames())
    func sampleDecodesOrIsRefusedWithAReason(_ name: String) throws {
        let expected = try #require(Self.expectations[name])
        let records = try decodeStream(try Fixtures.officialCEB(name))
        #expect(records.declarations.count == expected.declarations)
        if let refusal = expected.refusal {
            #expect(records.errors.count == 1)
            #expect(records.errors.first?.code == .notADeclaration)
            #expect(records.errors.first?.reason.contains(refusal) == true, "\(records.errors.first?.reason ?? "")")
        } else {
            #expect(records.errors.isEmpty, "\(records.errors)")
        }
    }

    @Test func importInventoryFieldsAreMapped() throws {
        let declarations = try decodeStream(try Fixtures.officialCEB("CEB621Message.xml")).declarations
        let first = try #require(declarations.first)
        #expect(first.id == "NBBH20160308005")
        #expect(first.messageID == "4CDE1CFD-EDED-46B1-946C-B8022E42FC94")
        #expect(first.format == "CEB621")
        #expect(first.direction == .import)
        #expect(first.function == .original)
        #expect(first.procedure == "9610")
        #expect(first.declaredAt?.description == "2016-03-15T15:35:55")
        #expect(first.office == "3700")
        #expect(first.port == "3700")
        #expect(first.transportMode == "0")
        #expect(first.dispatchCountry == CountryCode("JP"), "GACC 116 is Japan; on import the head country is dispatch")
        #expect(first.destinationCountry == nil)
        #expect(first.currency == "CNY", "GACC 142 is CNY")
        #expect(first.grossWeight == 4000)
        #expect(first.netWeight == 3500)
        #expect(first.packages == 6000)
        #expect(
            first.totalValue == 732,
            "sum of totalPrice (20 + 12) plus freight 500 and insurance 200: \(String(describing: first.totalValue))")
        #expect(first.documents == [DocumentReference(kind: "licence", identifier: "L20160315001")])
        #expect(
            first.lots == [
                LotReference(identifier: "S1501I000164/1210", quantity: 100, line: 1),
                LotReference(identifier: "S1501I000164/1210", quantity: 200, line: 2),
            ], "emsNo/itemRecordNo")
        #expect(first.parties[.declarant] == Party(code: "1105910159", name: "测试企业"))
        #expect(first.parties[.platform]?.code == "1101110325")
        #expect(first.parties[.seller]?.code == "1101110325")
        #expect(first.parties[.logistics]?.code == "1101180326")
        #expect(first.parties[.importer]?.code == "130681136250023332")
        #expect(first.position.line == 4)
        #expect(first.items.count == 2)
        let item = first.items[1]
        #expect(item.line == 2)
        #expect(item.hs?.description == "8541401000")
        #expect(item.description == "花王纸尿裤")
        #expect(item.quantity == 200)
        #expect(item.unit == "H87", "GACC 007 (个) is a piece")
        #expect(item.legalQuantity == 200)
        #expect(item.unitPrice == 60)
        #expect(item.value == 12)
        #expect(item.currency == "CNY")
        #expect(item.originCountry == CountryCode("JP"), "on import a line's country is its origin")
        #expect(first.issues.map(\.code) == ["price-mismatch", "price-mismatch"], "the sample's totals do not add up")
        #expect(
            declarations.map(\.id).prefix(3) == ["NBBH20160308005", "NBBH20160308006", "NBBH20160308005"],
            "the sample repeats its copNo values")
    }

    @Test func exportInventoryReadsCountriesAsDestinations() throws {
        let declarations = try decodeStream(try Fixtures.officialCEB("CEB603Message.xml")).declarations
        let first = try #require(declarations.first)
        #expect(first.format == "CEB603")
        #expect(first.direction == .export, "the message type decides, although ieFlag says `a`")
        #expect(first.id == "Cop20180507001")
        #expect(first.destinationCountry == nil, "001 is a placeholder, not in the GACC table")
        #expect(
            first.items[0].destinationCountry == CountryCode("JP"),
            "on export a line's country is its final destination")
        #expect(first.items[0].originCountry == nil)
        #expect(first.parties[.exporter]?.code == "1105910159", "ownerCode is the actual shipper")
        #expect(first.parties[.importer] == nil)
        #expect(first.totalValue == 200 + 50.36 + 52.32)
        let codes = Set(first.issues.map(\.code))
        #expect(codes == ["unknown-country", "direction-flag-mismatch", "price-mismatch"])
        #expect(first.issues.first { $0.code == "unknown-country" }?.detail.contains("`001`") == true)
    }

    @Test(
        "UTF-8 with or without a byte-order mark, GB18030 and GBK decode alike",
        arguments: ["gb18030", "gbk", "bom", "nobom"])
    func encodingsDecodeToTheSameDeclarations(_ variant: String) throws {
        let reference = try decodeStream(try Fixtures.officialCEB("CEB621Message.xml")).declarations
        let bytes: [UInt8]
        switch variant {
        case "bom": bytes = [0xEF, 0xBB, 0xBF] + (try Fixtures.officialCEB("CEB621Message.xml"))
        case "nobom": bytes = Array(try Fixtures.officialCEB("CEB311Message.xml").dropFirst(3))
        default: bytes = try XMLFixtures.bytes("CEB621-\(variant).xml")
        }
        let records = try decodeStream(bytes)
        if variant == "nobom" {
            #expect(records.errors.first?.code == .notADeclaration)
            return
        }
        #expect(records.errors.isEmpty, "\(records.errors)")
        let decoded = records.declarations
        #expect(decoded.map(\.id) == reference.map(\.id))
        #expect(decoded.map(\.items) == reference.map(\.items), "Chinese goods names must survive the encoding")
        #expect(decoded.first?.parties[.declarant]?.name == "测试企业")
    }
}

/// The code tables are built into the binary, from the data files they are edited in.
@Suite("Built-in code tables")
struct EmbeddedCodeTableTests {
    @Test func theEmbeddedCodeTablesAreTheDataFiles() throws {
        let folder = Fixtures.repositoryRoot.appendingPathComponent("Sources/FastReleaseXML/Resources/codes")
        for name in ["countries.csv", "currencies.csv", "units.csv"] {
            var file = try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)
            while file.hasSuffix("\n") { file.removeLast() }
            #expect(
                GACCCodeTables.embedded[name] == file,
                "\(name) changed: run scripts/embed-files.py to build the new table in")
        }
    }
}
