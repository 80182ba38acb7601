import FastReleaseTestSupport
import Foundation
import Testing

#if canImport(FoundationXML)
    import FoundationXML
#endif

@Suite("fastrelease score", .tags(.process), .long, .timeLimit(.minutes(5)))
struct ScoreCommandTests {
    @Test func scoresTheOfficialSamplesWithTheDefaultProfile() throws {
        let result = try ProcessRunner.run(["score", "Tests/Fixtures/official/china-ceb"])
        #expect(result.status == 1, "the folder holds messages that are not declarations: \(result.errorText)")
        let lines = result.outputText.split(separator: "\n")
        let objects = try lines.map {
            try #require(try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any])
        }
        let decisions = objects.filter { $0["lane"] != nil }
        let errors = objects.compactMap { $0["error"] as? [String: Any] }
        #expect(decisions.count == 20)
        #expect(errors.count == 16)
        #expect(errors.allSatisfy { ($0["code"] as? String) == "message.not-declaration" })
        let first = try #require(decisions.first)
        #expect(
            first["declaration"] as? String == "Cop20180507001", "files are read in path order: CEB603 before CEB621")
        #expect((first["profile"] as? String)?.hasPrefix("default@") == true)
        #expect(first["sampling"] is [String: Any])
        #expect(first["timing"] is [String: Any])
        #expect(result.errorText.contains("decided 20 declarations from 18 messages"))
        #expect(result.errorText.contains("errors: 16"))
    }

    @Test func exitsZeroWhenEveryDeclarationIsDecided() throws {
        let result = try ProcessRunner.run(["score", "--quiet", "Tests/Fixtures/official/china-ceb/CEB621Message.xml"])
        #expect(result.status == 0)
        #expect(result.errorText.isEmpty)
        #expect(result.outputText.split(separator: "\n").count == 10)
    }

    @Test func readsMessagesOneAfterAnotherFromStandardInput() throws {
        let folder = try TemporaryDirectory()
        let one = try Fixtures.officialCEB("CEB621Message.xml")
        let two = try Fixtures.officialCEB("CEB603Message.xml")
        let stream = try folder.write("stream.xml", Data(one + two + one))
        let result = try ProcessRunner.run(["score", "--quiet", "-"], inputFile: stream)
        #expect(result.status == 0, "\(result.errorText)")
        let formats = result.outputText.split(separator: "\n").map {
            $0.contains("\"format\":\"CEB603\"") ? "603" : "621"
        }
        #expect(
            formats == Array(repeating: "621", count: 10) + Array(repeating: "603", count: 10)
                + Array(repeating: "621", count: 10))
    }

    @Test func outputIsTheSameWithOneThreadAndMany() throws {
        let folder = try TemporaryDirectory()
        let one = try Fixtures.officialCEB("CEB621Message.xml")
        let two = try Fixtures.officialCEB("CEB603Message.xml")
        var bytes: [UInt8] = []
        for number in 0..<60 { bytes += number % 3 == 0 ? two : one }
        let stream = try folder.write("many.xml", Data(bytes))
        func withoutTiming(_ result: ProcessRunner.Result) -> [String] {
            result.outputText.split(separator: "\n").map {
                String($0).replacingOccurrences(of: #","timing":\{[^}]*\}"#, with: "", options: .regularExpression)
            }
        }
        let single = try ProcessRunner.run(["score", "--quiet", "--threads", "1", stream.path])
        let parallel = try ProcessRunner.run(["score", "--quiet", "--threads", "4", stream.path])
        #expect(single.status == 0)
        #expect(withoutTiming(single).count == 600)
        #expect(withoutTiming(single) == withoutTiming(parallel))
    }

    @Test func writesAnXMLDocumentOnRequest() throws {
        let result = try ProcessRunner.run([
            "score", "--quiet", "--format", "xml", "Tests/Fixtures/official/china-ceb/CEB621Message.xml",
        ])
        #expect(result.status == 0)
        let document = try XMLDocument(data: result.output)
        #expect(document.rootElement()?.name == "Decisions")
        #expect(document.rootElement()?.elements(forName: "Decision").count == 10)
    }

    @Test func aBrokenProfileListsItsErrorsAndExitsTwo() throws {
        let folder = try TemporaryDirectory()
        try folder.write(
            "profile.yaml",
            "format: 1\nsampling: {rates: {1: 0, 2: 0, 3: 0, 4: 0}}\nrules:\n  - id: R\n    reason: r\n    when: {item.hs: [\"8x\"], colour: red}\n"
        )
        let result = try ProcessRunner.run([
            "score", "--profile", folder.url.path, "Tests/Fixtures/official/china-ceb/CEB621Message.xml",
        ])
        #expect(result.status == 2)
        #expect(result.output.isEmpty)
        #expect(result.errorText.contains("profile.yaml:6:"))
        #expect(result.errorText.contains("`8x` in prefix of item.hs"))
        #expect(result.errorText.contains("unknown field `colour`"))
    }

    @Test func theProfileCanComeFromTheEnvironment() throws {
        let result = try ProcessRunner.run(
            [
                "score", "--quiet",
                Fixtures.repositoryRoot.appendingPathComponent("Tests/Fixtures/official/china-ceb/CEB621Message.xml")
                    .path,
            ],
            workingDirectory: URL(fileURLWithPath: "/tmp"),
            environment: ["FASTRELEASE_PROFILE": Fixtures.defaultProfile.path])
        #expect(result.status == 0, "\(result.errorText)")
    }

    @Test func memoryStaysBoundedByTheBatchNotTheInput() throws {
        let folder = try TemporaryDirectory()
        let sample = try Fixtures.officialCEB("CEB621Message.xml")
        let path = folder.url.appendingPathComponent("large.xml").path
        _ = FileManager.default.createFile(atPath: path, contents: nil)
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
        let block = Data((0..<100).flatMap { _ in sample })
        for _ in 0..<60 { handle.write(block) }  // about 230 MB, 60,000 declarations
        try handle.close()
        let result = try ProcessRunner.run(["score", "--quiet", "--threads", "2", path])
        #expect(result.status == 0)
        #expect(result.output.count > 0)
        #expect(
            result.maxResidentKilobytes < 150_000, "peak memory \(result.maxResidentKilobytes) KB for a 230 MB input")
    }
}
