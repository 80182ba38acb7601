import FastReleaseCore
import FastReleaseTestSupport
import FastReleaseXML
import Foundation
import Testing

/// libxml2 interns every element name, prefix and namespace a parser sees in the parser's
/// dictionary, which outlives each message, and refuses new names once it holds about 10 MB.
/// A worker's decoder lives as long as the service, so it must not let a gateway's stream of
/// new names stop every later message with a name that worker has not seen yet.
@Suite("The parser's name dictionary")
struct NameDictionaryTests {
    /// The official CEB621 sample with `count` elements of new 1,000-byte names before the
    /// root's end tag.
    static func message(newNames count: Int, tag: Int) throws -> [UInt8] {
        let sample = String(decoding: try Fixtures.officialCEB("CEB621Message.xml"), as: UTF8.self)
        let padding = String(repeating: "p", count: 1_000)
        let names = (0..<count).map { "<n\(tag)x\($0)\(padding)/>" }.joined()
        let end = try #require(sample.range(of: "</ceb:CEB621Message>"))
        return Array((sample[..<end.lowerBound] + names + sample[end.lowerBound...]).utf8)
    }

    @Test func messagesFullOfNewNamesDoNotStopLaterMessagesFromDecoding() throws {
        let decoder = XMLMessageDecoder()
        let sample = try Fixtures.officialCEB("CEB621Message.xml")
        var records: [DecodedRecord] = []
        // 40 messages of 700 new names: 28 MB of names through one parser. libxml2 2.9 grows the
        // dictionary in pools of 1 KB, 4 KB, ... 16 MB and refuses a new pool past 10 MB in all,
        // so the last pool fills up near 22 MB.
        for tag in 0..<40 {
            let frame = MessageFrame(
                source: "new-names-\(tag)", sequence: tag, bytes: try Self.message(newNames: 700, tag: tag),
                startLine: 1)
            decoder.decode(frame, into: &records)
        }
        #expect(records.errors.isEmpty, "\(records.errors.first.map { "\($0.code): \($0.reason)" } ?? "")")
        #expect(records.declarations.count == 40 * 10)

        // A new gateway's prefix, a name this parser has not seen, as long as the names before it
        // (so that no room left over in the dictionary's last pool could take it).
        let prefix = "gw7" + String(repeating: "x", count: 1_000)
        let renamed = String(decoding: sample, as: UTF8.self).replacingOccurrences(of: "ceb:", with: "\(prefix):")
            .replacingOccurrences(of: "xmlns:ceb=", with: "xmlns:\(prefix)=")
        records.removeAll()
        decoder.decode(
            MessageFrame(source: "after", sequence: 40, bytes: Array(renamed.utf8), startLine: 1), into: &records)
        #expect(records.errors.isEmpty, "\(records.errors.first.map { "\($0.code): \($0.reason)" } ?? "")")
        #expect(records.declarations.count == 10)
        #expect(records.declarations.allSatisfy { !$0.items.isEmpty && $0.items.allSatisfy { $0.hs != nil } })
    }
}
