/// One laboratory or monitoring test's result: which test, passed or not, and when the sample
/// was tested.
public struct TestResult: Sendable, Hashable, Codable {
    /// The test's name as profiles write it (`azo-dyes`, `free-formaldehyde`).
    public var test: String
    /// Whether the sample passed.
    public var passed: Bool
    /// When it was tested, in the authority's local time.
    public var testedAt: CivilTime

    /// Creates a result.
    public init(test: String, passed: Bool, testedAt: CivilTime) {
        self.test = test
        self.passed = passed
        self.testedAt = testedAt
    }
}
