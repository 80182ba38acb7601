import FastReleaseCore
import FastReleaseTestSupport
import FastReleaseXML
import Foundation
import Testing

@Suite("Bad and hostile XML")
struct BadInputTests {
    @Test func truncatedMessageKeepsItsCompleteDeclarations() throws {
        let full = cebMessage(inventory("A1") + inventory("A2") + inventory("A3"))
        let cut = String(
            full.prefix(upTo: full.range(of: "<ceb:gcode>8541401000</ceb:gcode>", options: .backwards)!.upperBound))
        let records = try decodeStream(cut)
        #expect(records.declarations.map(\.id) == ["A1", "A2"])
        #expect(records.errors.count == 1)
        #expect(records.errors[0].declarationID == "A3")
        #expect(records.errors[0].code == .malformedXML)
        #expect(records.errors[0].position.line > 40)
    }

    @Test func aBrokenDeclarationDoesNotStopTheOthers() throws {
        let broken = inventory("B2").replacingOccurrences(
            of: "<ceb:gname>LED lamp</ceb:gname>", with: "<ceb:gname>LED lamp</ceb:gnam>")
        let records = try decodeStream(cebMessage(inventory("B1") + broken + inventory("B3") + inventory("B4")))
        #expect(records.declarations.map(\.id) == ["B1", "B3", "B4"])
        #expect(records.errors.count == 1)
        let error = records.errors[0]
        #expect(error.declarationID == "B2")
        #expect(error.messageID == "MSG-GUID")
        #expect(error.code == .malformedXML)
        #expect(error.position.line == 3 + 23 + 16, "the line of the mismatched end tag, counted in the whole input")
        #expect(error.reason.contains("gnam"))
    }

    @Test func doctypeIsRefusedAndEntitiesAreNeverExpanded() throws {
        let laughs = """
            <?xml version="1.0"?>
            <!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]>
            <ceb:CEB621Message xmlns:ceb="http://www.chinaport.gov.cn/ceb"><ceb:Inventory><ceb:InventoryHead><ceb:copNo>&lol2;</ceb:copNo></ceb:InventoryHead></ceb:Inventory></ceb:CEB621Message>
            """
        let records = try decodeStream(laughs)
        #expect(records.declarations.isEmpty)
        #expect(records.errors.map(\.code) == [.doctypeRefused])
        #expect(records.errors[0].reason.contains("DOCTYPE"))
        #expect(records.errors[0].position.line == 2)
    }

    @Test func externalEntitiesCannotReadFiles() throws {
        let folder = try TemporaryDirectory()
        let secret = try folder.write("secret.txt", "TOP-SECRET")
        let attack = """
            <?xml version="1.0"?>
            <!DOCTYPE x [<!ENTITY xxe SYSTEM "file://\(secret.path)">]>
            \(cebMessage(inventory("&xxe;"), prolog: ""))
            """
        let records = try decodeStream(attack)
        #expect(records.declarations.isEmpty)
        #expect(records.errors.first?.code == .doctypeRefused)
        #expect(
            !records.errors.contains { $0.reason.contains("TOP-SECRET") || $0.declarationID.contains("TOP-SECRET") })
    }

    @Test func undeclaredEntityReferencesAreRefused() throws {
        let records = try decodeStream(cebMessage(inventory("E&nbsp;1")))
        #expect(records.declarations.isEmpty)
        #expect(records.errors.first?.code == .doctypeRefused)
        #expect(records.errors.first?.reason.contains("nbsp") == true)
    }

    @Test func predefinedAndCharacterReferencesAreFine() throws {
        let records = try decodeStream(cebMessage(inventory("A&amp;B&#x4E2D;")))
        #expect(records.declarations.map(\.id) == ["A&B中"])
    }

    @Test func wrongNamespaceSaysWhichOneIsExpected() throws {
        let records = try decodeStream(cebMessage(inventory("N1"), namespace: "http://example.com/ceb"))
        #expect(records.declarations.isEmpty)
        #expect(records.errors.first?.code == .unknownMessage)
        #expect(records.errors.first?.reason.contains("must be in namespace http://www.chinaport.gov.cn/ceb") == true)
    }

    @Test func unknownRootNamesWhatIsRead() throws {
        let records = try decodeStream("<order><id>1</id></order>")
        #expect(records.errors.first?.code == .unknownMessage)
        #expect(records.errors.first?.reason.contains("CEB621Message") == true)
    }

    @Test func emptyElementsAreReadAsMissing() throws {
        let block = inventory("M1", hs: "", country: "", extraHead: "\n<ceb:grossWeight></ceb:grossWeight><ceb:preNo/>")
        let declaration = try #require(try decodeStream(cebMessage(block)).declarations.first)
        #expect(declaration.dispatchCountry == nil)
        #expect(declaration.grossWeight == nil)
        #expect(declaration.items[0].hs == nil)
        #expect(declaration.issues.map(\.code) == ["missing-hs"])
    }

    @Test func missingIdentifierAndMissingGoodsAreErrorsForThatDeclarationOnly() throws {
        let noID = inventory("").replacingOccurrences(of: "<ceb:copNo></ceb:copNo>", with: "")
        let noGoods = "<ceb:Inventory><ceb:InventoryHead><ceb:copNo>G0</ceb:copNo></ceb:InventoryHead></ceb:Inventory>"
        let records = try decodeStream(cebMessage(noID + noGoods + inventory("OK1")))
        #expect(records.declarations.map(\.id) == ["OK1"])
        #expect(records.errors.map(\.code) == [.invalidField, .invalidField])
        #expect(records.errors[0].reason.contains("no copNo"))
        #expect(records.errors[1].declarationID == "G0")
        #expect(records.errors[1].reason.contains("no InventoryList"))
    }

    @Test func badValuesBecomeIssuesNotCrashes() throws {
        let block = inventory(
            "V1", hs: "85A1", country: "999", extraHead: "<ceb:grossWeight>heavy</ceb:grossWeight>", qty: "1e400"
        )
        .replacingOccurrences(of: "<ceb:unit>007</ceb:unit>", with: "<ceb:unit>aaa</ceb:unit>")
        let declaration = try #require(try decodeStream(cebMessage(block)).declarations.first)
        #expect(Set(declaration.issues.map(\.code)) == ["invalid-hs", "invalid-number", "unknown-unit"])
        #expect(declaration.dispatchCountry == nil, "999 (neutral packing) is in the table but has no ISO code")
        #expect(declaration.items[0].quantity == nil)
    }

    @Test func bytesThatAreNotTheDeclaredEncodingAreRefused() throws {
        var bytes = Array(cebMessage(inventory("ENC1")).utf8)
        let at = bytes.firstIndex(of: UInt8(ascii: "L"))!
        bytes[at] = 0xC3  // a lone UTF-8 lead byte
        let records = try decodeStream(bytes)
        #expect(records.declarations.isEmpty)
        #expect(records.errors.first?.code == .unsupportedEncoding)
        #expect(records.errors.first?.reason.contains("UTF-8") == true)
    }

    @Test func utf16IsRefusedWithAClearReason() throws {
        var bytes: [UInt8] = [0xFF, 0xFE]
        for unit in cebMessage(inventory("U1")).utf16 { bytes += [UInt8(unit & 0xFF), UInt8(unit >> 8)] }
        let records = try decodeStream(bytes)
        #expect(records.declarations.isEmpty)
        #expect(records.errors.count == 1)
        #expect(records.errors[0].code == .unsupportedEncoding)
        #expect(records.errors[0].reason.contains("UTF-16"))
    }

    /// Found by the fuzzer (Tests/FuzzRegressionTests/Inputs/FuzzCEBDecoder/crash-6560…): an
    /// input whose first piece was one byte long escaped the encoding check.
    @Test func theEncodingIsCheckedHoweverTheInputIsCutIntoPieces() throws {
        var bytes: [UInt8] = []
        for unit in cebMessage(inventory("U2")).utf16 { bytes += [UInt8(unit & 0xFF), UInt8(unit >> 8)] }
        for pieces in [[bytes.count], [1, bytes.count - 1], Array(repeating: 1, count: bytes.count)] {
            var splitter = MessageSplitter(source: "pieces", limits: XMLLimits())
            var frames: [MessageFrame] = []
            var offset = 0
            for size in pieces {
                frames += bytes[offset..<offset + size].withUnsafeBytes { splitter.feed($0) }
                offset += size
            }
            frames += splitter.finish()
            #expect(frames.count == 1, "cut into \(pieces.count) pieces")
            #expect(frames.first?.problem?.code == .unsupportedEncoding, "cut into \(pieces.count) pieces")
        }
        var single = MessageSplitter(source: "one byte", limits: XMLLimits())
        let frames = [UInt8(ascii: "<")].withUnsafeBytes { single.feed($0) } + single.finish()
        #expect(frames.count == 1 && frames[0].problem == nil && frames[0].bytes == [UInt8(ascii: "<")])
    }

    @Test func limitsGiveClearErrorsAndTheNextMessageGoesOn() throws {
        let deep =
            "<ceb:CEB621Message xmlns:ceb=\"http://www.chinaport.gov.cn/ceb\">" + String(repeating: "<a>", count: 40)
            + String(repeating: "</a>", count: 40) + "</ceb:CEB621Message>"
        let longText = cebMessage(
            inventory("LONG").replacingOccurrences(of: "LED lamp", with: String(repeating: "X", count: 70_000)))
        let big = cebMessage(String(repeating: inventory("BIG"), count: 200))
        let manyItems = cebMessage(
            inventory("ITEMS").replacingOccurrences(
                of: "<ceb:InventoryList>",
                with: String(repeating: "<ceb:InventoryList><ceb:gnum>1</ceb:gnum></ceb:InventoryList>", count: 5)
                    + "<ceb:InventoryList>"))
        let good = cebMessage(inventory("AFTER"))
        let limits = XMLLimits(
            maxMessageBytes: 100_000, maxDepth: 32, maxTextBytes: 65_536, maxDeclarationsPerMessage: 100,
            maxItemsPerDeclaration: 4)
        let records = try decodeStream(deep + longText + big + manyItems + good, limits: limits)
        #expect(records.declarations.map(\.id) == ["AFTER"])
        let reasons = records.errors.map(\.reason)
        #expect(records.errors.allSatisfy { $0.code == .limitExceeded }, "\(records.errors)")
        #expect(reasons.contains { $0.contains("deeper than the limit of 32") })
        #expect(reasons.contains { $0.contains("longer than the limit of 65536 bytes") })
        #expect(reasons.contains { $0.contains("more than the limit of 100000") })
        #expect(reasons.contains { $0.contains("more than 4 goods lines") })
    }

    @Test func declarationsPerMessageAreLimited() throws {
        let records = try decodeStream(
            cebMessage((1...5).map { inventory("D\($0)") }.joined()), limits: XMLLimits(maxDeclarationsPerMessage: 3))
        #expect(records.declarations.map(\.id) == ["D1", "D2", "D3"])
        #expect(records.errors.first?.reason.contains("more than 3 declarations") == true)
    }
}
