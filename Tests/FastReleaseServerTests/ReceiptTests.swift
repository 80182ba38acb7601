import FastReleaseCore
import FastReleaseServer
import FastReleaseStore
import FastReleaseTestSupport
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NIOCore
import Testing

/// XML answers come in the gateway's own language, valid against the official schemas.
@Suite("Receipts in the gateway's language")
struct ReceiptTests {
    static let xmlAnswer: HTTPFields = [
        .authorization: "Bearer \(TestTokens.gateway)", .contentType: "application/xml", .accept: "application/xml",
    ]
    static let dms = ["md": "urn:wco:datamodel:WCO:DocumentMetaData-DMS:2", "res": "urn:wco:datamodel:WCO:RES-DMS:2"]
    static let ceb = ["ceb": "http://www.chinaport.gov.cn/ceb"]

    /// Validates DMS notifications: the envelope's schema takes the Response schema by a strict
    /// wildcard, so a driver schema imports both.
    static func notificationSchema() throws -> SchemaValidator {
        let folder = Fixtures.officialWCO.appendingPathComponent("xsd/notification")
        let driver = try TemporaryDirectory()
        let file = try driver.write(
            "driver.xsd",
            """
            <xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" targetNamespace="urn:fastrelease:test:driver">
              <xs:import namespace="urn:wco:datamodel:WCO:DocumentMetaData-DMS:2"
                schemaLocation="\(folder.appendingPathComponent("DocumentMetaData_2_DMS.xsd").path)"/>
              <xs:import namespace="urn:wco:datamodel:WCO:RES-DMS:2"
                schemaLocation="\(folder.appendingPathComponent("WCO_RES_2_DMS.xsd").path)"/>
            </xs:schema>
            """)
        return try SchemaValidator(schema: file)
    }

    static func cebSchema(export: Bool) throws -> SchemaValidator {
        let name = export ? "海关跨境出口业务节点报文定义202205.xsd" : "海关跨境进口业务节点报文定义202205.xsd"
        return try SchemaValidator(schema: Fixtures.officialCEBSamples.appendingPathComponent("xsd/\(name)"))
    }

    static func post(_ client: some TestClientProtocol, _ bytes: [UInt8]) async throws -> [UInt8] {
        let response = try await client.checked(
            uri: "/v1/declarations", method: .post, headers: xmlAnswer, body: ByteBuffer(bytes: bytes))
        #expect(response.headers[.contentType] == "application/xml")
        return Array(response.body.readableBytesView)
    }

    @Test func wcoDeclarationsAreAnsweredWithDMSNotifications() async throws {
        let harness = try ServiceHarness()
        let (app, _) = try harness.make()
        let schema = try Self.notificationSchema()
        try await app.test(.router) { client in
            let answer = try await Self.post(client, try Fixtures.officialWCODeclaration("TT_IM001d.xml"))
            #expect(
                schema.errors(answer).isEmpty, "\(schema.errors(answer))\n\(String(decoding: answer, as: UTF8.self))")
            let document = try XPathDocument(answer, namespaces: Self.dms)
            #expect(document.string("/md:MetaData/md:WCOTypeName") == "RES")
            #expect(document.count("//res:Response") == 2)
            #expect(document.string("//res:Response[1]/res:FunctionCode") == "01")
            #expect(
                document.string("//res:Response[1]/res:Declaration/res:FunctionalReferenceID")
                    == "TT_IM01d_v1.6_230322_1")
            let stored = try #require(try await harness.log.decisions(declarationID: "TT_IM01d_v1.6_230322_1").first)
            #expect(document.string("//res:Response[1]/res:Declaration/res:ID") == stored.reference)
            #expect(
                document.string("//res:Response[2]/res:FunctionCode")
                    == (stored.lane == .decided(.release) ? "08" : "05"))
            #expect(document.string("//res:Response[2]//res:StatementDescription").hasPrefix(stored.lane.name))

            // A cancellation is acknowledged with its cancellation time.
            let cancellation = String(
                decoding: try Fixtures.officialWCODeclaration("TT_IM011a_Cancellation.xml"), as: UTF8.self
            )
            .replacingOccurrences(of: "24GBA4ZYBWXU1BSA00", with: stored.reference)
            let cancelled = try await Self.post(client, Array(cancellation.utf8))
            #expect(schema.errors(cancelled).isEmpty, "\(schema.errors(cancelled))")
            let acknowledgement = try XPathDocument(cancelled, namespaces: Self.dms)
            #expect(acknowledgement.string("//res:Response/res:FunctionCode") == "01")
            #expect(acknowledgement.count("//res:Response/res:Declaration/res:CancellationDateTime") == 1)
            #expect(acknowledgement.string("//res:Response/res:Declaration/res:VersionID") == "2")

            // A declaration that cannot be decided is rejected with the reason.
            let broken = String(decoding: try Fixtures.officialWCODeclaration("TT_EX005a.xml"), as: UTF8.self)
                .replacingOccurrences(of: "<TypeCode>EXA</TypeCode>", with: "<TypeCode>XY</TypeCode>")
            let rejected = try await Self.post(client, Array(broken.utf8))
            #expect(schema.errors(rejected).isEmpty, "\(schema.errors(rejected))")
            let rejection = try XPathDocument(rejected, namespaces: Self.dms)
            #expect(rejection.string("//res:Response/res:FunctionCode") == "03")
            #expect(rejection.string("//res:Response/res:Error/res:Description").contains("TypeCode `XY`"))
        }
    }

    @Test(arguments: [false, true])
    func cebInventoriesAreAnsweredWithCEBReceipts(export: Bool) async throws {
        let harness = try ServiceHarness()
        let (app, _) = try harness.make()
        let schema = try Self.cebSchema(export: export)
        try await app.test(.router) { client in
            let sample = try Fixtures.officialCEB(export ? "CEB603Message.xml" : "CEB621Message.xml")
            let answer = try await Self.post(client, sample)
            #expect(
                schema.errors(answer).isEmpty, "\(schema.errors(answer))\n\(String(decoding: answer, as: UTF8.self))")
            let document = try XPathDocument(answer, namespaces: Self.ceb)
            let root = export ? "CEB604Message" : "CEB622Message"
            #expect(document.count("/ceb:\(root)/ceb:InventoryReturn") == 10)
            for index in 1...10 {
                let entry = "/ceb:\(root)/ceb:InventoryReturn[\(index)]"
                let copNo = document.string("\(entry)/ceb:copNo")
                let stored = try #require(try await harness.log.decisions(declarationID: copNo).first)
                let expected = ["release": "800", "document": "300"][stored.lane.name] ?? "500"
                #expect(document.string("\(entry)/ceb:returnStatus") == expected)
                #expect(document.string("\(entry)/ceb:returnInfo").hasPrefix(stored.lane.name))
                #expect(document.string("\(entry)/ceb:returnTime").count == 17)
            }
        }
    }

    @Test func theSchemasCatchABrokenReceipt() throws {
        let official = String(decoding: try Fixtures.officialCEB("CEB622Message.xml"), as: UTF8.self)
        let schema = try Self.cebSchema(export: false)
        #expect(schema.errors(Array(official.utf8)).isEmpty)
        let broken = official.replacingOccurrences(of: "<returnStatus>1</returnStatus>", with: "")
        #expect(!schema.errors(Array(broken.utf8)).isEmpty)
        let notification = try Self.notificationSchema()
        let wrongCode =
            "<md:MetaData xmlns:md=\"urn:wco:datamodel:WCO:DocumentMetaData-DMS:2\"><Response xmlns=\"urn:wco:datamodel:WCO:RES-DMS:2\"><FunctionCode>ABC</FunctionCode></Response></md:MetaData>"
        #expect(!notification.errors(Array(wrongCode.utf8)).isEmpty)
    }

    @Test func aMixedBodyIsAnsweredInFastReleaseReceipts() async throws {
        let harness = try ServiceHarness()
        let (app, _) = try harness.make()
        try await app.test(.router) { client in
            let body =
                try Fixtures.officialWCODeclaration("TT_IM005a.xml") + Array("\n".utf8)
                + Array(cebMessage(inventory(uniqueID("MIX"))).utf8)
            let answer = String(decoding: try await Self.post(client, body), as: UTF8.self)
            #expect(answer.contains("<Receipts xmlns=\"urn:fastrelease:receipt:1\">"))
            #expect(answer.components(separatedBy: "<Receipt ").count == 3)
        }
    }
}
