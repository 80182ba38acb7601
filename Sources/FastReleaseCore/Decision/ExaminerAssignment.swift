/// The examiner drawn for a declaration put in an inspection lane ("two randoms": random
/// targets and random inspectors).
///
/// The draw is ``SamplingDrawer/draw(seed:key:)`` of the period's seed and `examiner|` followed by
/// the consignment key; the examiner is `eligible[Int(draw × eligible.count)]`, `eligible` being
/// those qualified for the lane and on shift at the port, sorted, whose workload that day stays
/// level (``SelectionDesk``). An auditor with the revealed seed can recompute both.
public struct ExaminerAssignment: Sendable, Hashable, Codable {
    /// The examiner's code; empty when nobody qualified was on shift.
    public var examiner: String
    /// The draw in `[0, 1)`.
    public var draw: Double
    /// Those the examiner was drawn from, sorted.
    public var eligible: [String]
    /// The day the workload is counted in, `yyyy-MM-dd`.
    public var day: String

    /// Creates an assignment.
    public init(examiner: String, draw: Double, eligible: [String], day: String) {
        self.examiner = examiner
        self.draw = draw
        self.eligible = eligible
        self.day = day
    }
}

/// A declaration that would have been released, drawn into a lane because the port ran below
/// the lane's expected rate.
public struct TopUpDraw: Sendable, Hashable, Codable {
    /// The lane it was put in.
    public var lane: Lane
    /// The lane's expected rate at the port.
    public var expected: Double
    /// The port's rate in that lane or stronger over the window, before this declaration.
    public var actual: Double
    /// The chance this declaration was drawn with: what brings the port back to the expected rate.
    public var chance: Double
    /// The draw in `[0, 1)` (``SamplingDrawer/draw(seed:key:)`` of `top-up|` and the key).
    public var draw: Double

    /// Creates a top-up record.
    public init(lane: Lane, expected: Double, actual: Double, chance: Double, draw: Double) {
        self.lane = lane
        self.expected = expected
        self.actual = actual
        self.chance = chance
        self.draw = draw
    }
}
