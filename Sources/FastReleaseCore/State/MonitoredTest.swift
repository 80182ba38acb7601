/// A test an enterprise or a registered supplier is under periodically (定期监测): how often it
/// must be repeated, and its results so far.
///
/// The exemption it gives holds only while the newest result passed and is younger than the
/// interval: a failed result ends it at once, a passing one lapses when the interval runs out.
///
/// ```swift
/// let azo = MonitoredTest(test: "azo-dyes", intervalDays: 30, results: [
///     TestResult(test: "azo-dyes", passed: true, testedAt: CivilTime(year: 2026, month: 10, day: 4)!)])
/// azo.status(at: CivilTime(year: 2026, month: 11, day: 3)!)  // .lapsed(since: 2026-11-03T00:00:00)
/// ```
public struct MonitoredTest: Sendable, Hashable, Codable {
    /// The test's name.
    public var test: String
    /// How many days a passing result covers.
    public var intervalDays: Int
    /// The longest interval a state file may give: ten years (periodic monitoring repeats
    /// monthly to yearly; a longer one is a typing mistake).
    public static let longestIntervalDays = 3653
    /// Every result recorded, in any order.
    public var results: [TestResult]

    /// Creates a monitored test.
    public init(test: String, intervalDays: Int, results: [TestResult] = []) {
        self.test = test
        self.intervalDays = intervalDays
        self.results = results
    }

    /// The newest result at `time` (results recorded later than `time` are not yet known).
    public func newestResult(at time: CivilTime) -> TestResult? {
        results.filter { $0.testedAt <= time }.max { $0.testedAt < $1.testedAt }
    }

    /// Whether the test exempts at `time`, and why or why not.
    public func status(at time: CivilTime) -> MonitoringStatus {
        guard let newest = newestResult(at: time) else { return .never }
        guard newest.passed else { return .failed(on: newest.testedAt) }
        let until = newest.testedAt.adding(days: intervalDays)
        return time < until ? .passing(testedAt: newest.testedAt, until: until) : .lapsed(since: until)
    }
}

/// Where a monitored test stands at one time.
public enum MonitoringStatus: Sendable, Hashable {
    /// The newest result passed and still covers this time, up to `until` (exclusive).
    case passing(testedAt: CivilTime, until: CivilTime)
    /// The newest result passed, but its interval ran out at `since`.
    case lapsed(since: CivilTime)
    /// The newest result failed, on `on`: the exemption ended then.
    case failed(on: CivilTime)
    /// No result was ever recorded.
    case never

    /// Whether the test exempts.
    public var exempts: Bool {
        if case .passing = self { return true }
        return false
    }

    /// What the status means for `test`, in a sentence for an officer.
    public func explanation(of test: String) -> String {
        switch self {
        case .passing(let testedAt, let until):
            "\(test) passed on \(testedAt.day), covered until \(until.day)"
        case .lapsed(let since):
            "monitoring of \(test) lapsed on \(since.day)"
        case .failed(let on):
            "monitoring of \(test) failed on \(on.day)"
        case .never:
            "\(test) was never tested under monitoring"
        }
    }
}
