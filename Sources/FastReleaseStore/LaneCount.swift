public import FastReleaseCore

/// How many decisions of one lane were made in one time bucket.
public struct LaneCount: Sendable, Hashable {
    /// The bucket's start, milliseconds since 1970.
    public var bucketStart: Int64
    /// The lane (or `withdrawn`).
    public var lane: RecordedLane
    /// How many.
    public var count: Int

    /// Creates a count.
    public init(bucketStart: Int64, lane: RecordedLane, count: Int) {
        self.bucketStart = bucketStart
        self.lane = lane
        self.count = count
    }
}
