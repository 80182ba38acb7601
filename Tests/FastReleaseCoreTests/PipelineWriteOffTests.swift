import FastReleaseCore
import FastReleaseTestSupport
import Foundation
import Synchronization
import Testing

/// Makes one fur-garment export per frame citing lot `L-100`: two coats every third frame, one
/// otherwise, after a pause that varies by frame so that workers finish out of order.
final class FurExportDecoder: MessageDecoder {
    func decode(_ frame: MessageFrame, into records: inout [DecodedRecord]) {
        usleep(UInt32((frame.sequence * 7919) % 5) * 200)
        let declaration = DeclarationBuilder.make(id: "FUR-\(frame.sequence)", direction: .export) {
            var item = DeclarationBuilder.item(
                line: 1, hs: "4303101000", quantity: frame.sequence % 3 == 0 ? 2 : 1)
            item.unit = "H87"
            $0.items = [item]
            $0.lots = [LotReference(identifier: "L-100", line: 1)]
        }
        records.append(.declaration(declaration, decodeMicroseconds: 0))
    }
}

@Suite("Pipeline write-off")
struct PipelineWriteOffTests {
    static let rules = """
          - id: FUR
            reason: fur garments need an azo dye result
            when: {item.hs: {prefix: ["4303"]}}
            lab_tests: [azo-dyes]
            evidence: [lot]
            lane: sample-release
        """

    static let state = [
        "lots.csv": "id,holder,material,hs,supplier,quantity,unit,conforming_quantity,valid_until\n"
            + "L-100,E2,fox hides,4302191000,,100,H87,100,\n",
        "lot-tests.csv": "lot,test,passed,tested_at\nL-100,azo-dyes,pass,2026-10-02\n",
        "unit-consumption.csv": "product,material,per_unit,product_unit,material_unit\n4303,4302,1,H87,H87\n",
    ]

    /// Each declaration's id, lane and write-off, in output order, and the summary.
    static func run(threads: Int) throws -> ([String], PipelineSummary) {
        let state = try ReferenceStateReader().read(files: state)
        let pipeline = ScoringPipeline(
            profile: try ProfileFixture.compile(rules: rules), encoder: JSONLinesEncoder(),
            options: .init(threads: threads, maxMessagesInFlight: 16, state: state)
        ) { FurExportDecoder() }
        var frames = CountingFrames(total: 300)
        let sink = MemorySink()
        let summary = try pipeline.run(&frames, sink: sink)
        let lines = String(decoding: sink.bytes.withLock { $0 }, as: UTF8.self).split(separator: "\n")
        let decided = try lines.map { line in
            let payload = try DecisionPayload.decode(String(line))
            let writeOff = payload.writeOffs?.map { "\($0.lot) \($0.quantity) left \($0.left)" } ?? []
            return "\(payload.declaration) \(payload.lane) \(writeOff.joined())"
        }
        return (decided, summary)
    }

    @Test func lotsAreWrittenOffInInputOrderWithAnyNumberOfThreads() throws {
        let (one, summary) = try Self.run(threads: 1)
        #expect(one.count == 300)
        #expect(one.first == "FUR-0 release L-100 2.0 left 98.0")
        // Frames are released on the lot, in input order, until its 100 pieces run out; the rest are tested.
        var left = 100.0
        var expected: [String] = []
        for sequence in 0..<300 {
            let coats = sequence % 3 == 0 ? 2.0 : 1.0
            if coats <= left {
                left -= coats
                expected.append("FUR-\(sequence) release L-100 \(coats) left \(left)")
            } else {
                expected.append("FUR-\(sequence) sample-release ")
            }
        }
        #expect(one == expected)
        #expect(summary.lots == [LotBalance(lot: "L-100", writtenOff: 100, left: 0, conforming: 100, unit: "H87")])
        #expect(summary.laneCounts[Lane.release.rawValue] == expected.filter { $0.contains(" release ") }.count)
        #expect(summary.description.contains("lot L-100: 100 H87 written off, 0 of 100 left"))
        for threads in [2, 4] {
            let (many, manySummary) = try Self.run(threads: threads)
            #expect(many == one, "\(threads) threads decide as one does")
            #expect(manySummary.lots == summary.lots && manySummary.laneCounts == summary.laneCounts)
        }
    }
}
