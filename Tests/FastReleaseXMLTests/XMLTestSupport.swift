import FastReleaseCore
import FastReleaseTestSupport
import FastReleaseXML
import Foundation

/// Decodes bytes as one input stream, the way `fastrelease score` does, with a small read
/// buffer so that messages cross chunk boundaries.
func decodeStream(_ bytes: [UInt8], limits: XMLLimits = XMLLimits(), chunkSize: Int = 4096) throws -> [DecodedRecord] {
    let folder = try TemporaryDirectory()
    let file = try folder.write("stream.xml", Data(bytes))
    var source = InputFrameSource(paths: [file.path], limits: limits, chunkSize: chunkSize)
    return decodeAll(&source, limits: limits)
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
