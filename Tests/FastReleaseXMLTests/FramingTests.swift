import FastReleaseCore
import FastReleaseTestSupport
import FastReleaseXML
import Foundation
import Testing

@Suite("Framing a stream of messages")
struct FramingTests {
    @Test func messagesOneAfterAnotherAreSplit() throws {
        let stream =
            cebMessage(inventory("S1")) + "\n\n" + cebMessage(inventory("S2") + inventory("S3"), prolog: "")
            + "<!-- between messages -->\n" + "\u{FEFF}" + cebMessage(inventory("S4"))
        let records = try decodeStream(stream)
        #expect(records.errors.isEmpty, "\(records.errors)")
        #expect(records.declarations.map(\.id) == ["S1", "S2", "S3", "S4"])
    }

    @Test func aTruncatedMessageDoesNotSwallowTheNext() throws {
        let first = cebMessage(inventory("T1") + inventory("T2"))
        let truncated = String(first.prefix(first.count - "</ceb:CEB621Message>\n".count))
        let records = try decodeStream(truncated + cebMessage(inventory("T3")))
        #expect(records.declarations.map(\.id) == ["T1", "T2", "T3"])
        #expect(records.errors.count == 1)
        #expect(records.errors[0].code == .malformedXML)
    }

    @Test func textOutsideMessagesIsReportedWithItsLine() throws {
        let records = try decodeStream("\n\ngarbage here\n" + cebMessage(inventory("G1")))
        #expect(records.declarations.map(\.id) == ["G1"])
        #expect(records.errors.count == 1)
        #expect(records.errors[0].position.line == 3)
    }

    @Test func linesAreCountedAcrossMessagesAndChunks() throws {
        let message = cebMessage(inventory("L1"))
        let lines = message.split(separator: "\n", omittingEmptySubsequences: false).count - 1
        let records = try decodeStream(String(repeating: message, count: 30), limits: XMLLimits())
        let positions = records.declarations.map(\.position.line)
        #expect(positions.count == 30)
        #expect(positions == (0..<30).map { 3 + $0 * lines })
    }

    @Test func markupLookalikesInsideCommentsAndCDATADoNotCut() throws {
        let tricky = inventory("C1").replacingOccurrences(
            of: "<ceb:gname>LED lamp</ceb:gname>",
            with: "<!-- </ceb:CEB621Message> --><ceb:gname><![CDATA[a </ceb:Inventory> b]]></ceb:gname><?note x > y ?>")
        let attribute = inventory("C2").replacingOccurrences(
            of: "<ceb:Inventory>", with: "<ceb:Inventory note='a > b'>")
        let records = try decodeStream(cebMessage(tricky + attribute) + cebMessage(inventory("C3")))
        #expect(records.errors.isEmpty, "\(records.errors)")
        #expect(records.declarations.map(\.id) == ["C1", "C2", "C3"])
        #expect(records.declarations.first?.items.first?.description == "a </ceb:Inventory> b")
    }

    @Test func aFileReadWholeIsCutOnlyWhenItHoldsMoreThanOneMessage() throws {
        let one = cebMessage(inventory("W1") + inventory("W2"))
        let broken = one.replacingOccurrences(of: "<ceb:gcode>", with: "<ceb:gcode <")
        let cases: [(name: String, text: String, messages: Int)] = [
            ("one message", one, 1),
            ("blank lines first", "\n\n  \n" + one + "\n\n", 1),
            ("a comment after the root", one + "<!-- </ceb:CEB621Message> -->\n", 1),
            ("a second message", one + cebMessage(inventory("W3")), 2),
            ("a broken declaration after blank lines", "\n\n" + broken, 1),
            ("text after the root", one + "trailing words", 2),
        ]
        for (name, text, messages) in cases {
            let records = try decodeStream(text)  // compares with the records of a stream
            let folder = try TemporaryDirectory()
            let file = try folder.write("input.xml", text)
            var source = InputFrameSource(paths: [file.path])
            let first = source.next()
            let frame = try #require(first, "\(name)")
            #expect(frame.isWholeInput, "\(name)")
            let second = source.next()
            #expect(second == nil, "\(name): one frame for the whole file")
            let decoder = XMLMessageDecoder()
            var decoded: [DecodedRecord] = []
            decoder.decode(frame, into: &decoded)
            #expect(decoder.messagesInLastFrame == messages, "\(name)")
            #expect(decoded.declarations.map(\.id) == records.declarations.map(\.id), "\(name)")
            #expect(decoded.declarations.map(\.position.line) == records.declarations.map(\.position.line), "\(name)")
        }
        let blankFolder = try TemporaryDirectory()
        let blank = try blankFolder.write("blank.xml", " \n\t\n")
        var source = InputFrameSource(paths: [blank.path])
        let none = source.next()
        #expect(none == nil, "a file of white space holds no message")
    }

    @Test func aDirectoryIsReadInPathOrderAndUnreadableInputsAreReported() throws {
        let folder = try TemporaryDirectory()
        try folder.write("b/2.xml", cebMessage(inventory("F2")))
        try folder.write("a.xml", cebMessage(inventory("F1")))
        try folder.write("notes.txt", "not read")
        var source = InputFrameSource(paths: [folder.url.path, folder.url.appendingPathComponent("missing.xml").path])
        let records = decodeAll(&source)
        #expect(records.declarations.map(\.id) == ["F1", "F2"])
        #expect(
            records.declarations.map { URL(fileURLWithPath: $0.position.source).lastPathComponent } == [
                "a.xml", "2.xml",
            ])
        #expect(records.errors.map(\.code) == [.unreadable])
        #expect(records.errors.first?.reason.contains("No such file") == true)
    }
}
