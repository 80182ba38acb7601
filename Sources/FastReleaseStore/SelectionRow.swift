public import FastReleaseCore

/// What the selection desk counts of one decision made earlier (its lane, port, whether it was
/// drawn up to an expected rate, and its examiner), read from the log without decoding the
/// decision: the log extracts these few members of its JSON itself.
public struct SelectionRow: Sendable, Hashable {
    /// Where the decision is in the order of a period's pages.
    public var position: PagePosition
    /// The lane decided, or `withdrawn`.
    public var lane: RecordedLane
    /// The port the declaration names; empty if none.
    public var port: String
    /// Whether it was drawn up to an expected rate.
    public var toppedUp: Bool
    /// The examiner drawn and the day of the draw, when one was.
    public var examiner: (code: String, day: String)?

    /// Creates a row.
    public init(
        position: PagePosition, lane: RecordedLane, port: String, toppedUp: Bool, examiner: (code: String, day: String)?
    ) {
        self.position = position
        self.lane = lane
        self.port = port
        self.toppedUp = toppedUp
        self.examiner = examiner
    }

    public static func == (lhs: SelectionRow, rhs: SelectionRow) -> Bool {
        lhs.position == rhs.position && lhs.lane == rhs.lane && lhs.port == rhs.port && lhs.toppedUp == rhs.toppedUp
            && lhs.examiner?.code == rhs.examiner?.code && lhs.examiner?.day == rhs.examiner?.day
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(position)
        hasher.combine(port)
    }
}

extension SelectionRow: ReadableRow {
    init(reading row: some RowReader) throws {
        let examiner = try row.text("examiner")
        self.init(
            position: PagePosition(decidedAt: try row.integer("decided_at"), key: try DecisionKey(reading: row)),
            lane: try row.lane("lane"), port: try row.text("port"), toppedUp: try row.integer("topped_up") != 0,
            examiner: examiner.isEmpty ? nil : (examiner, try row.text("examiner_day")))
    }
}
