import Foundation
import FuzzSupport
import Testing

/// The fuzz targets' checks (Fuzz/FuzzSupport) on every input a fuzzer kept as a failure
/// (`Inputs/TARGET/`), and on the official samples they are seeded with.
@Suite("Fuzz regressions")
struct FuzzRegressionTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    static let targets = ["FuzzCEBDecoder", "FuzzWCODecoder", "FuzzProfileLoader", "FuzzAmendmentMerge"]

    static func files(_ folder: String) -> [URL] {
        let url = root.appendingPathComponent(folder)
        let names = (try? FileManager.default.contentsOfDirectory(atPath: url.path)) ?? []
        return names.sorted().filter { !$0.hasPrefix(".") && $0 != "README.md" }.map { url.appendingPathComponent($0) }
    }

    static func problems(_ target: String, _ bytes: [UInt8]) -> [String] {
        bytes.withUnsafeBytes { FuzzChecks.check(target, $0) } ?? ["no fuzz target \(target)"]
    }

    @Test(arguments: targets)
    func everyKeptInputPassesItsTargetsChecks(_ target: String) throws {
        for file in Self.files("Tests/FuzzRegressionTests/Inputs/\(target)") {
            let problems = Self.problems(target, Array(try Data(contentsOf: file)))
            #expect(problems.isEmpty, "\(file.lastPathComponent): \(problems)")
        }
    }

    @Test func theOfficialSamplesPassTheDecoderAndMergeChecks() throws {
        let ceb = Self.files("Tests/Fixtures/official/china-ceb").filter { $0.pathExtension == "xml" }
        let wco = Self.files("Tests/Fixtures/official/uk-cds-wco-dec/declarations")
        #expect(ceb.count >= 2 && wco.count >= 10)
        for file in ceb + wco {
            let problems = Self.problems("FuzzCEBDecoder", Array(try Data(contentsOf: file)))
            #expect(problems.isEmpty, "\(file.lastPathComponent): \(problems)")
        }
        for (original, change) in zip(wco, wco.dropFirst()) {
            let pair = Array(try Data(contentsOf: original)) + [0] + Array(try Data(contentsOf: change))
            #expect(Self.problems("FuzzAmendmentMerge", pair).isEmpty, "\(original.lastPathComponent)")
        }
    }

    @Test func theDefaultProfilePassesTheLoaderCheck() throws {
        let folder = "Profiles/default"
        let text = { (path: String) in
            Array(try Data(contentsOf: Self.root.appendingPathComponent("\(folder)/\(path)")))
        }
        let input = try text("profile.yaml") + [0] + text("rules/alerts.yaml") + [0] + text("enterprises.csv")
        #expect(Self.problems("FuzzProfileLoader", input).isEmpty)
    }

    /// The checks find what they look for: a framing that loses bytes would be reported.
    @Test func theChecksReportWhatFails() {
        #expect(Self.problems("NoSuchTarget", []) == ["no fuzz target NoSuchTarget"])
        #expect(Self.problems("FuzzCEBDecoder", Array("<a><b></a>".utf8)).isEmpty)
    }
}
