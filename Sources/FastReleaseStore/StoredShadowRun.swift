public import FastReleaseCore

/// A candidate profile run in shadow mode, as the store keeps it: every instance sharing the log
/// runs the newest one not stopped, and its comparison is counted from every instance's shadow
/// decisions.
public struct StoredShadowRun: Sendable, Hashable {
    /// The candidate's version (`name@hash`).
    public var version: String
    /// The candidate's files (a `ProfileBundle` as JSON).
    public var files: String
    /// When it started, in milliseconds since 1970 (UTC); the comparison counts from then.
    public var startedAt: Int64
    /// Who started it.
    public var startedBy: String
    /// When it was stopped; 0 while it runs.
    public var stoppedAt: Int64

    /// Creates a shadow run record.
    public init(version: String, files: String, startedAt: Int64, startedBy: String, stoppedAt: Int64 = 0) {
        self.version = version
        self.files = files
        self.startedAt = startedAt
        self.startedBy = startedBy
        self.stoppedAt = stoppedAt
    }
}

/// Declarations that the live profile put in one lane and the candidate in another (or the same).
public struct LanePairCount: Sendable, Hashable {
    /// The lane answered.
    public var live: RecordedLane
    /// The candidate's lane.
    public var shadow: RecordedLane
    /// How many declarations.
    public var count: Int

    /// Creates a count.
    public init(live: RecordedLane, shadow: RecordedLane, count: Int) {
        self.live = live
        self.shadow = shadow
        self.count = count
    }
}
