/// What a laboratory's results made of a declaration held for tests (`sample-release` or
/// `hold`): released when every test the decision required passed, held and nonconforming when
/// one failed.
public struct LabVerdict: Sendable, Hashable, Codable {
    /// Whether the goods are released.
    public var released: Bool
    /// The tests that passed and that failed, sorted.
    public var passed: [String]
    /// The tests that failed, sorted; empty when released.
    public var failed: [String]
    /// The laboratory's identifier for the results.
    public var result: String
    /// When the verdict was recorded, milliseconds since 1970.
    public var recordedAt: Int64

    /// Creates a verdict.
    public init(released: Bool, passed: [String], failed: [String], result: String, recordedAt: Int64) {
        self.released = released
        self.passed = passed
        self.failed = failed
        self.result = result
        self.recordedAt = recordedAt
    }

    /// `released` or `nonconforming`: the goods' status.
    public var status: String { released ? "released" : "nonconforming" }

    /// In a sentence for the gateway, without the rules that held the goods.
    public var sentence: String {
        released
            ? "released: laboratory tests passed (\(passed.joined(separator: ", ")))"
            : "held, nonconforming: laboratory tests failed (\(failed.joined(separator: ", ")))"
    }

    /// The verdict of results `passedTests`/`failedTests` for a decision that required `required`:
    /// `nil` while some required test has no result and none failed (the goods stay held).
    public static func judging(
        required: [String], passedTests: Set<String>, failedTests: Set<String>, result: String, at time: Int64
    ) -> LabVerdict? {
        let missing = Set(required).subtracting(passedTests).subtracting(failedTests)
        guard failedTests.isEmpty, missing.isEmpty else {
            guard !failedTests.isEmpty else { return nil }
            return LabVerdict(
                released: false, passed: passedTests.subtracting(failedTests).sorted(), failed: failedTests.sorted(),
                result: result, recordedAt: time)
        }
        return LabVerdict(released: true, passed: passedTests.sorted(), failed: [], result: result, recordedAt: time)
    }
}
