public import FastReleaseCore
import FastReleaseXML
import Foundation

/// Runs a profile's example cases: decides each declaration with the profile and compares
/// lane, hits, lab tests, the random draw, waived rules and write-offs with what the case
/// expects. Every case is decided against the same reference state (the profile folder's
/// `state/`), as it stands in its files: cases do not write off for each other.
///
/// ```swift
/// let cases = try ProfileFolder.testCases("Profiles/default/tests")
/// let results = ProfileTestRunner(profile: compiled, testsDirectory: "Profiles/default/tests").run(cases)
/// ```
public struct ProfileTestRunner {
    let profile: CompiledProfile
    let testsDirectory: String
    let state: ReferenceState?

    /// Creates a runner; XML messages named by cases are found relative to `testsDirectory`.
    public init(profile: CompiledProfile, testsDirectory: String, state: ReferenceState? = nil) {
        self.profile = profile
        self.testsDirectory = testsDirectory
        self.state = state
    }

    /// Runs every case, in order.
    public func run(_ cases: [ProfileTestCase]) -> [ProfileTestResult] {
        let scorer = Scorer(profile: profile)
        let decoder = XMLMessageDecoder()
        return cases.map { testCase in
            let declaration: Declaration
            switch input(testCase, decoder: decoder) {
            case .success(let found): declaration = found
            case .failure(let problem):
                return ProfileTestResult(testCase: testCase, decision: nil, problems: [problem.reason])
            }
            guard declaration.declaredAt != nil || testCase.at != nil else {
                return ProfileTestResult(
                    testCase: testCase, decision: nil,
                    problems: [
                        "the declaration states no time: add `at:` so that validity windows and sampling are judged at a fixed time"
                    ])
            }
            let decision = scorer.score(declaration, receivedAt: testCase.at, state: state)
            return ProfileTestResult(testCase: testCase, decision: decision, problems: compare(decision, testCase))
        }
    }

    private struct InputProblem: Error {
        let reason: String
    }

    private func input(_ testCase: ProfileTestCase, decoder: XMLMessageDecoder) -> Result<Declaration, InputProblem> {
        switch testCase.input {
        case .sketch(let declaration):
            return .success(declaration)
        case .message(let path, let id):
            let full = (testsDirectory as NSString).appendingPathComponent(path)
            guard let data = FileManager.default.contents(atPath: full) else {
                return .failure(InputProblem(reason: "cannot read the message \(full)"))
            }
            var records: [DecodedRecord] = []
            decoder.decode(MessageFrame(source: path, sequence: 0, bytes: Array(data), startLine: 1), into: &records)
            var declarations: [Declaration] = []
            var errors: [DeclarationError] = []
            for record in records {
                switch record {
                case .declaration(let declaration, _): declarations.append(declaration)
                case .error(let error): errors.append(error)
                }
            }
            if let found = declarations.first(where: { id == nil || $0.id == id }) { return .success(found) }
            let why = errors.first.map { ": \($0)" } ?? ""
            return .failure(
                InputProblem(reason: "\(path) has no declaration\(id.map { " with id \($0)" } ?? "")\(why)"))
        }
    }

    private func compare(_ decision: Decision, _ testCase: ProfileTestCase) -> [String] {
        var problems: [String] = []
        if decision.lane != testCase.lane {
            problems.append(
                "lane: expected \(testCase.lane.name), got \(decision.lane.name) (\(decision.laneSource.label))")
        }
        let fired = Set(decision.hits.map(\.ruleID))
        if let expected = testCase.hits, expected != fired {
            problems.append("hits: " + Self.difference(expected: expected, actual: fired))
        }
        let tests = Set(decision.labTests)
        if let expected = testCase.labTests, expected != tests {
            problems.append("lab tests: " + Self.difference(expected: expected, actual: tests))
        }
        let waived = Set(decision.hits.filter(\.waived).map(\.ruleID))
        if let expected = testCase.waived, expected != waived {
            problems.append("waived: " + Self.difference(expected: expected, actual: waived) + Self.why(decision))
        }
        let writtenOff = Dictionary(uniqueKeysWithValues: decision.writeOffs.map { ($0.lot, $0.quantity) })
        if let expected = testCase.writtenOff, expected != writtenOff {
            let text = { (lots: [String: Double]) in
                lots.isEmpty
                    ? "nothing"
                    : lots.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", ")
            }
            problems.append("written off: expected \(text(expected)), got \(text(writtenOff))")
        }
        if let drawn = testCase.drawn, drawn != decision.sampling.drawn {
            problems.append(
                "random selection: expected \(drawn ? "drawn" : "not drawn"), draw \(decision.sampling.draw.map { String($0) } ?? "none (no seed for \(decision.sampling.period))") against rate \(decision.sampling.rate)"
            )
        }
        return problems
    }

    /// What the evidence showed, for a failed expectation about it.
    private static func why(_ decision: Decision) -> String {
        let details = decision.hits.flatMap { hit in hit.evidence.map { "\(hit.ruleID): \($0.detail)" } }
        return details.isEmpty ? "" : " (\(details.joined(separator: "; ")))"
    }

    private static func difference(expected: Set<String>, actual: Set<String>) -> String {
        var parts: [String] = []
        let missing = expected.subtracting(actual).sorted()
        let unexpected = actual.subtracting(expected).sorted()
        if !missing.isEmpty { parts.append("missing \(missing.joined(separator: ", "))") }
        if !unexpected.isEmpty { parts.append("unexpected \(unexpected.joined(separator: ", "))") }
        return parts.joined(separator: "; ")
    }
}
