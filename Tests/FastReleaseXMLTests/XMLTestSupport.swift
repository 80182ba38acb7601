import FastReleaseCore
import FastReleaseTestSupport
import FastReleaseXML
import Foundation
import Testing

/// Decodes bytes as one input file, the way `fastrelease score` does: read in one piece (cut
/// by the decoder when it holds several messages), and also as a stream with a small read
/// buffer, so that messages cross chunk boundaries; both must give the same records.
func decodeStream(_ bytes: [UInt8], limits: XMLLimits = XMLLimits(), chunkSize: Int = 4096) throws -> [DecodedRecord] {
    let folder = try TemporaryDirectory()
    let file = try folder.write("stream.xml", Data(bytes))
    var whole = InputFrameSource(paths: [file.path], limits: limits, chunkSize: chunkSize)
    var stream = InputFrameSource(paths: [file.path], limits: limits, chunkSize: chunkSize, readsWholeFiles: false)
    let records = decodeAll(&whole, limits: limits)
    let streamed = decodeAll(&stream, limits: limits)
    #expect(records.declarations == streamed.declarations, "a file read whole gives the declarations of a stream")
    #expect(records.errors == streamed.errors, "a file read whole gives the errors of a stream")
    return records
}

/// Decodes every message of a source, framing problems included, in order.
func decodeAll(_ source: inout InputFrameSource, limits: XMLLimits = XMLLimits()) -> [DecodedRecord] {
    let decoder = XMLMessageDecoder(limits: limits)
    var records: [DecodedRecord] = []
    while let frame = source.next() {
        if let problem = frame.problem {
            records.append(.error(problem))
        } else {
            decoder.decode(frame, into: &records)
        }
    }
    return records
}

func decodeStream(_ text: String, limits: XMLLimits = XMLLimits()) throws -> [DecodedRecord] {
    try decodeStream(Array(text.utf8), limits: limits)
}

extension [DecodedRecord] {
    var declarations: [Declaration] {
        compactMap { if case .declaration(let declaration, _) = $0 { declaration } else { nil } }
    }

    var errors: [DeclarationError] {
        compactMap { if case .error(let error) = $0 { error } else { nil } }
    }
}

/// Paths of this target's own fixtures.
enum XMLFixtures {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")

    static func bytes(_ name: String) throws -> [UInt8] {
        Array(try Data(contentsOf: folder.appendingPathComponent(name)))
    }
}
