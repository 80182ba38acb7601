import FastReleaseCore
import FastReleaseTestSupport
import Foundation
import Testing

/// The byte encoder of the hot path and the typed payload every reader uses describe the same
/// object: what the encoder writes decodes to exactly what ``DecisionPayload/init(_:extras:)``
/// builds, for every kind of decision and error record.
@Suite("Decision payload")
struct DecisionPayloadTests {
    static let rules = """
          - {id: W10, reason: "ten \\"quoted\\" \\\\ back", weight: 10, when: {direction: import}}
          - {id: LINES, reason: goods lines, weight: 15, lane: sample-release, when: {item.hs: ["85"]}}
          - {id: LAB, reason: lab, weight: 0, lab_tests: [azo-dyes, free-formaldehyde], when: {item.hs: ["61"]}}
          - {id: RED, reason: trusted, weight: -30, when: {enterprise.list: red}}
        """

    /// Decisions of every shape: no hits, hits on goods lines with a forced lane, lab tests,
    /// data issues, an unregistered enterprise, text that needs escaping, odd timings, a draw.
    static func decisions() throws -> [(String, Decision)] {
        let scorer = Scorer(profile: try ProfileFixture.compile(rules: rules))
        var kinds: [(String, Decision)] = []
        kinds.append(("export, no hit", scorer.score(DeclarationBuilder.make(id: "EXPORT-1", direction: .export))))
        var lines = scorer.score(
            DeclarationBuilder.make(id: "LINES-1") {
                $0.items.append(DeclarationBuilder.item(line: 2, hs: "6109100000", description: "T-shirt"))
            })
        #expect(lines.hits.contains { !$0.itemLines.isEmpty && $0.lane != nil } && !lines.labTests.isEmpty)
        lines.timing = .init(decodeMicroseconds: 12.345, scoreMicroseconds: -3)
        kinds.append(("hits on lines, lab tests", lines))
        var odd = scorer.score(DeclarationBuilder.make(id: "ODD/\"1\"\n\u{1}第一"))
        odd.issues = [DataIssue(code: "unknown-country", detail: "country \"ZZ\"\tat line 3")]
        odd.enterprise = EnterpriseStanding(
            code: "", role: nil, creditClass: 3, list: nil, zone: "", registered: false)
        odd.sampling = SamplingDraw(rate: 1, draw: 0.000_012_3, drawn: true, period: "2026-11", creditClass: "3")
        odd.laneSource = .sampling
        kinds.append(("issues, escapes, unregistered, drawn", odd))
        var listed = scorer.score(DeclarationBuilder.make(id: "RED-1"))
        listed.enterprise = EnterpriseStanding(
            code: "E1", role: .seller, creditClass: 1, list: .red, zone: "Z-1", registered: true)
        listed.function = .amendment
        listed.laneSource = .rule("LINES")
        kinds.append(("red list, amendment", listed))
        var evidenced = lines
        evidenced.hits[0].evidence = [
            EvidenceFinding(kind: .lot, satisfied: false, subject: "L-1", detail: "lot L-1 has 0.3 of 40 H87 left"),
            EvidenceFinding(
                kind: .monitoring, satisfied: false, subject: "E1", detail: "lapsed", testedOn: "2026-11-08"),
            EvidenceFinding(
                kind: .lot, satisfied: true, subject: "L-\"2\"", detail: "lot conforms", writtenOff: 7.5, left: 292.5,
                unit: "H87"),
        ]
        evidenced.writeOffs = [LotWriteOff(lot: "L-\"2\"", quantity: 7.5, left: 292.5, unit: "H87")]
        #expect(evidenced.hits[0].waived)
        kinds.append(("evidence, waived, write-offs", evidenced))
        return kinds
    }

    static let extras: [PayloadExtras] = [
        .none,
        PayloadExtras(receivedMilliseconds: 1_763_280_000_123),
        PayloadExtras(
            revision: "AMEND \"2\"", version: 2,
            supersedes: RevisionSummary(
                revision: "", function: .original, lane: .decided(.document), decidedAt: 1_763_280_000_000)),
    ]

    @Test func whatTheByteEncoderWritesDecodesToThePayload() throws {
        let encoder = JSONLinesEncoder()
        for (kind, decision) in try Self.decisions() {
            for extras in Self.extras {
                var members: [UInt8] = []
                encoder.appendMembers(of: decision, extras: extras, into: &members)
                let object = String(decoding: [UInt8(ascii: "{")] + members + [UInt8(ascii: "}")], as: UTF8.self)
                let decoded = try DecisionPayload.decode(object)
                #expect(decoded == DecisionPayload(decision, extras: extras), "\(kind) with \(extras)")
                if extras == .none {
                    var line: [UInt8] = []
                    encoder.encode(decision, into: &line)
                    #expect(try DecisionPayload.decode(String(decoding: line, as: UTF8.self)) == decoded)
                }
            }
        }
    }

    @Test func thePayloadSurvivesCodableBothWays() throws {
        for (kind, decision) in try Self.decisions() {
            let payload = DecisionPayload(decision, extras: Self.extras[2])
            #expect(try DecisionPayload.decode(try payload.encoded()) == payload, "\(kind)")
        }
    }

    @Test func withdrawalsAreWrittenAndReadAsPayloads() throws {
        var cancellation = DeclarationBuilder.make(id: "CANCEL-1")
        cancellation.function = .cancellation
        cancellation.references = [NamedReference(name: "StatementDescription", value: "goods not shipped")]
        let original = StoredDecision(
            key: DecisionKey(declarant: "D1", declarationID: "DECL-1"), messageID: "M-1", lane: .decided(.hold),
            profileVersion: "default@1", decidedAt: 1000, payload: "{}")
        let key = DecisionKey(declarant: "D1", declarationID: "DECL-1", revision: "CANCEL-1")
        let payload = DecisionPayload(withdrawing: original, by: cancellation, key: key, version: 2)
        let read = try DecisionPayload.decode(try payload.encoded())
        #expect(read == payload)
        #expect(read.lane == .withdrawn)
        #expect(read.reason == "goods not shipped")
        #expect(
            read.withdraws == RevisionSummary(revision: "", function: .original, lane: .decided(.hold), decidedAt: 1000)
        )
        #expect(read.hits == nil && read.score == nil)
    }

    @Test(arguments: [
        DeclarationError(
            code: .malformedXML, position: SourcePosition(source: "in/\"a\".xml", line: 3, column: 9),
            messageID: "M\n1", declarationID: "", reason: "tag <b> never closed; fix \\ it"),
        DeclarationError(
            code: .init("store.unavailable"), position: SourcePosition(source: "stream", line: 1, column: 0),
            reason: "the decision log could not be written"),
    ])
    func errorRecordsDecodeToTheirPayload(_ error: DeclarationError) throws {
        var line: [UInt8] = []
        JSONLinesEncoder().encode(error, into: &line)
        #expect(line.last == UInt8(ascii: "\n"))
        let decoded = try JSONDecoder().decode(ErrorPayload.self, from: Data(line))
        #expect(decoded == ErrorPayload(error))
    }

    @Test func lanesAreWrittenByName() throws {
        for lane in Lane.allCases.map(RecordedLane.decided) + [.withdrawn] {
            let text = String(decoding: try JSONEncoder().encode([lane]), as: UTF8.self)
            #expect(text == "[\"\(lane.name)\"]")
            #expect(try JSONDecoder().decode([RecordedLane].self, from: Data(text.utf8)) == [lane])
        }
        #expect(throws: DecodingError.self) {
            try JSONDecoder().decode([RecordedLane].self, from: Data("[\"fast\"]".utf8))
        }
    }
}
