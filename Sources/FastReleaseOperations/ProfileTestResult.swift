public import FastReleaseCore

/// The outcome of one case.
public struct ProfileTestResult: Sendable {
    /// The case.
    public let testCase: ProfileTestCase
    /// The decision made, unless the declaration could not be read.
    public let decision: Decision?
    /// What differs from the expectation; empty when the case passed.
    public let problems: [String]

    /// Whether the profile decided as the case expects.
    public var passed: Bool { problems.isEmpty }
}
