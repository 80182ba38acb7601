import FastReleaseCore
import FastReleaseTestSupport
import FastReleaseXML
import Foundation
import Testing

/// What gateways really send: no XML declaration, CRLF, long comments, byte-order marks,
/// bare declarations, notifications by mistake, and WCO and CEB messages in one stream.
@Suite("WCO real-world input")
struct WCORealWorldTests {
    /// The reference sample: no XML declaration, CRLF line ends, many comments.
    static func sample() throws -> String {
        String(decoding: try Fixtures.officialWCODeclaration("TT_IM001d.xml"), as: UTF8.self)
    }

    static func decodesLikeTheSample(_ text: String) throws {
        let expected = try decodeStream(try sample()).declarations
        let records = try decodeStream(Array(text.utf8))
        #expect(records.errors.isEmpty, "\(records.errors)")
        let decoded = records.declarations
        #expect(decoded.count == 1)
        #expect(decoded.first?.id == "TT_IM01d_v1.6_230322_1")
        #expect(decoded.first?.items == expected.first?.items)
        #expect(decoded.first?.parties == expected.first?.parties)
    }

    @Test func theSampleHasNoDeclarationAndCRLFLineEnds() throws {
        let text = try Self.sample()
        #expect(!text.hasPrefix("<?xml"))
        #expect(text.utf8.contains(13))
    }

    @Test func withAByteOrderMark() throws {
        try Self.decodesLikeTheSample("\u{FEFF}" + (try Self.sample()))
    }

    @Test func withAnXMLDeclarationAndLFLineEnds() throws {
        let text = try Self.sample().replacingOccurrences(of: "\r\n", with: "\n")
        try Self.decodesLikeTheSample("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"no\"?>\n" + text)
    }

    @Test func withLongCommentsBetweenElements() throws {
        let comment = "<!-- " + String(repeating: "a long remark about DE 6/14 - ", count: 3000) + " -->\r\n"
        let text = try Self.sample().replacingOccurrences(of: "<Commodity>", with: comment + "<Commodity>" + comment)
        #expect(text.utf8.count > 300_000)
        try Self.decodesLikeTheSample(text)
    }

    @Test func aBareDeclarationWithoutItsEnvelope() throws {
        let text = try Self.sample()
        let start = try #require(text.range(of: "<Declaration "))
        let end = try #require(text.range(of: "</Declaration>"))
        var bare = String(text[start.lowerBound..<end.upperBound])
        bare = bare.replacingOccurrences(
            of: "<Declaration ",
            with:
                "<Declaration xmlns=\"urn:wco:datamodel:WCO:DEC-DMS:2\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" "
        )
        try Self.decodesLikeTheSample(bare)
    }

    @Test func aStreamOfWCOAndCEBMessagesDecodesInOrder() throws {
        var stream = Array(try Self.sample().utf8)
        stream += Array("\n".utf8) + (try Fixtures.officialCEB("CEB621Message.xml"))
        stream += Array("\r\n".utf8) + (try Fixtures.officialWCODeclaration("Step1_TT_EX024a.xml"))
        let records = try decodeStream(stream)
        #expect(records.errors.isEmpty, "\(records.errors)")
        let formats = records.declarations.map(\.format)
        #expect(formats == ["DEC-DMS"] + Array(repeating: "CEB621", count: 10) + ["DEC-DMS"])
        #expect(records.declarations.last?.direction == .export)
    }

    @Test(arguments: ["01_DMSACC.xml", "05_DMSCTL.xml", "08_DMSROG.xml", "09_DMSCLE.xml"])
    func aNotificationIsRefusedWithAReason(_ name: String) throws {
        let bytes = Array(
            try Data(
                contentsOf: Fixtures.officialWCO.appendingPathComponent("notifications").appendingPathComponent(name)))
        let records = try decodeStream(bytes)
        #expect(records.declarations.isEmpty)
        #expect(records.errors.first?.code == .notADeclaration)
        #expect(records.errors.first?.reason.contains("notification") == true, "\(records.errors)")
    }

    @Test func anEnvelopeHoldingAResponseIsRefused() throws {
        let text = """
            <md:MetaData xmlns:md="urn:wco:datamodel:WCO:DocumentMetaData-DMS:2" xmlns="urn:wco:datamodel:WCO:RES-DMS:2">
            <md:WCOTypeName>RES</md:WCOTypeName><Response><FunctionCode>01</FunctionCode></Response></md:MetaData>
            """
        let records = try decodeStream(text)
        #expect(records.errors.map(\.code) == [.notADeclaration])
    }

    @Test func anAmendmentWithoutTheMRNIsRefused() throws {
        let text = try Self.sample().replacingOccurrences(
            of: "<FunctionCode>9</FunctionCode>", with: "<FunctionCode>13</FunctionCode>"
        ).replacingOccurrences(of: "<TypeCode>IMA</TypeCode>", with: "<TypeCode>COR</TypeCode>")
        let records = try decodeStream(text)
        #expect(records.declarations.isEmpty)
        #expect(records.errors.first?.reason.contains("must name the MRN") == true, "\(records.errors)")
    }

    @Test func anUnknownTypeCodeIsRefusedWithTheField() throws {
        let text = try Self.sample().replacingOccurrences(
            of: "<TypeCode>IMA</TypeCode>", with: "<TypeCode>XY</TypeCode>")
        let records = try decodeStream(text)
        #expect(records.errors.first?.code == .invalidField)
        #expect(records.errors.first?.reason.contains("TypeCode `XY`") == true)
        #expect(records.errors.first?.declarationID == "TT_IM01d_v1.6_230322_1")
    }

    @Test func badCodesAreDataIssuesNotFailures() throws {
        let text = try Self.sample().replacingOccurrences(
            of: "<CountryCode>US</CountryCode>\r\n\t\t\t\t\t<TypeCode>1</TypeCode>",
            with: "<CountryCode>USA</CountryCode>\r\n\t\t\t\t\t<TypeCode>1</TypeCode>"
        ).replacingOccurrences(of: "currencyID=\"GBP\">1000<", with: "currencyID=\"pounds\">1000<")
        let declaration = try #require(try decodeStream(text).declarations.first)
        #expect(declaration.items[0].originCountry == nil)
        #expect(declaration.items[0].currency == "")
        let codes = Set(declaration.issues.map(\.code))
        #expect(codes.isSuperset(of: ["unknown-country", "unknown-currency"]), "\(declaration.issues)")
    }
}

/// What random selection is keyed on, as decoded from the official samples.
@Suite("Consignment keys of the official samples")
struct ConsignmentKeyTests {
    @Test func aCEBInventoryIsKeyedOnTheEnterpriseItsOrderAndItsWaybill() throws {
        let first = try #require(try decodeStream(try Fixtures.officialCEB("CEB621Message.xml")).declarations.first)
        #expect(first.reference("logisticsNo") == "L201603081138007")
        #expect(ConsignmentKey.of(first) == "CEB|1101110325|order2016030811340001|L201603081138007")
    }

    @Test func aWCODeclarationIsKeyedOnTheTraderAndItsUCROrDUCR() throws {
        let withUCR = try #require(
            try decodeStream(try Fixtures.officialWCODeclaration("TT_IM005a.xml")).declarations.first)
        #expect(withUCR.reference("UCR") == "2GB553202734852-12345")
        #expect(ConsignmentKey.of(withUCR) == "WCO|GB553202734852|2GB553202734852-12345")
        let withDUCR = try #require(
            try decodeStream(try Fixtures.officialWCODeclaration("TT_IM001d.xml")).declarations.first)
        #expect(withDUCR.reference("DUCR") == "1GB553202734852-12345")
        #expect(ConsignmentKey.of(withDUCR) == "WCO|GB553202734852|1GB553202734852-12345")
    }

    @Test func anotherLRNForTheSameConsignmentKeepsTheKey() throws {
        let text = try WCORealWorldTests.sample()
        let renamed = text.replacingOccurrences(of: "TT_IM01d_v1.6_230322_1", with: "REDECLARED-LRN-0002")
        let original = try #require(try decodeStream(Array(text.utf8)).declarations.first)
        let again = try #require(try decodeStream(Array(renamed.utf8)).declarations.first)
        #expect(again.id != original.id)
        #expect(ConsignmentKey.of(again) == ConsignmentKey.of(original))
    }
}
