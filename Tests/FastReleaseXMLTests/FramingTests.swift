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
