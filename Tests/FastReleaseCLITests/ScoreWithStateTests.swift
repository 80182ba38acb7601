import FastReleaseTestSupport
import Foundation
import Testing

/// `fastrelease score --state`: rules that name evidence are judged against a folder of state
/// files, lots are written off in input order whatever the threads, and the summary shows what
/// each lot has left.
@Suite("fastrelease score --state", .tags(.process), .long, .timeLimit(.minutes(3)))
struct ScoreWithStateTests {
    static let message = "Profiles/default/tests/messages/CEB603-fur-to-russia-lot.xml"

    /// A state folder like the shipped one, with lot `HS2026001/17` holding `conforming` hides.
    static func state(conforming: Int) throws -> TemporaryDirectory {
        let folder = try TemporaryDirectory()
        let shipped = Fixtures.repositoryRoot.appendingPathComponent("Profiles/default/state")
        for name in try FileManager.default.contentsOfDirectory(atPath: shipped.path) {
            var text = try String(contentsOf: shipped.appendingPathComponent(name), encoding: .utf8)
            if name == "lots.csv" {
                text = text.replacingOccurrences(
                    of: "HS2026001/17,1105910165,tanned fox hides,4302191000,TAN-0002,600,H87,600,",
                    with: "HS2026001/17,1105910165,tanned fox hides,4302191000,TAN-0002,600,H87,\(conforming),")
            }
            _ = try folder.write(name, text)
        }
        return folder
    }

    /// A stream of the three-inventory message `copies` times: declarations of 4 coats (10 hides) each.
    static func stream(copies: Int, in folder: TemporaryDirectory) throws -> URL {
        let one = try Data(contentsOf: Fixtures.repositoryRoot.appendingPathComponent(message))
        return try folder.write("stream.xml", Data((0..<copies).flatMap { _ in one }))
    }

    /// The examiners drawn, in output order, for the declarations that have one.
    static func examiners(_ result: ProcessRunner.Result) throws -> [String] {
        try result.outputText.split(separator: "\n").compactMap { line in
            let object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
            return (object["examiner"] as? [String: Any])?["examiner"] as? String
        }
    }

    static func lanes(_ result: ProcessRunner.Result) throws -> [String] {
        try result.outputText.split(separator: "\n").map { line in
            let object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
            let writeOffs = (object["write_offs"] as? [[String: Any]] ?? []).map { "\($0["left"] ?? "")" }
            return "\(object["lane"] ?? "") \(writeOffs.joined())"
        }
    }

    @Test func lotsAreWrittenOffInInputOrderTheSameWithOneThreadOrMany() throws {
        let state = try Self.state(conforming: 95)  // covers 9 declarations of 10 hides
        let stream = try Self.stream(copies: 5, in: state)
        let single = try ProcessRunner.run(["score", "--threads", "1", "--state", state.url.path, stream.path])
        let parallel = try ProcessRunner.run(["score", "--threads", "4", "--state", state.url.path, stream.path])
        #expect(single.status == 0, "\(single.errorText)")
        let lanes = try Self.lanes(single)
        #expect(lanes.count == 15)
        #expect(lanes.prefix(9) == ArraySlice((0..<9).map { "release \(85 - 10 * $0)" }))
        #expect(lanes.suffix(6).allSatisfy { $0 == "sample-release " }, "\(lanes)")
        #expect(try Self.lanes(parallel) == lanes)
        // Examiners are drawn from state/examiners.csv in input order: the same with any threads.
        let examiners = try Self.examiners(single)
        #expect(examiners.count == 6 && examiners.allSatisfy { $0.hasPrefix("NB-EX-") || $0.hasPrefix("QD-EX-") })
        #expect(try Self.examiners(parallel) == examiners)
        #expect(single.errorText.contains("lot HS2026001/17: 90 H87 written off, 5 of 95 left"), "\(single.errorText)")
        #expect(parallel.errorText.contains("lot HS2026001/17: 90 H87 written off, 5 of 95 left"))
        // The tested ones say why the lot did not release them.
        #expect(single.outputText.contains("lot HS2026001/17 has 5 of 95 H87 left, line 1 needs 10"))
    }

    @Test func withoutStateTheRuleAppliesAndABadStateIsRefusedWithItsPlace() throws {
        let plain = try ProcessRunner.run(["score", "--quiet", Self.message])
        #expect(plain.status == 0)
        #expect(try Self.lanes(plain) == Array(repeating: "sample-release ", count: 3))
        #expect(plain.outputText.contains("no reference state was given"))
        let broken = try TemporaryDirectory()
        _ = try broken.write("lots.csv", Self.lotsHeader + "L-1,E1,hides,,,12,H87,20,\n")
        let refused = try ProcessRunner.run(["score", "--state", broken.url.path, Self.message])
        #expect(refused.status == 2)
        #expect(refused.output.isEmpty)
        #expect(
            refused.errorText.contains(
                "lots.csv:2:23: error: lot L-1: the conforming quantity 20.0 is more than the lot's 12.0"),
            "\(refused.errorText)")
    }

    static let lotsHeader = "id,holder,material,hs,supplier,quantity,unit,conforming_quantity,valid_until\n"
}
