/// One shift of an examiner at a port, from the roster (`examiners.csv`): who may be assigned
/// declarations of which lanes, and when.
public struct RosterShift: Sendable, Hashable, Codable {
    /// The port (a declaration's `port`, CEB `portCode`), or `*` for every port.
    public var port: String
    /// The examiner's code.
    public var examiner: String
    /// The lanes the examiner is qualified to inspect (`document`, `sample-release`, …).
    public var lanes: Set<Lane>
    /// When the shift starts.
    public var from: CivilTime
    /// When it ends (exclusive).
    public var until: CivilTime

    /// Creates a shift.
    public init(port: String, examiner: String, lanes: Set<Lane>, from: CivilTime, until: CivilTime) {
        self.port = port
        self.examiner = examiner
        self.lanes = lanes
        self.from = from
        self.until = until
    }

    /// Whether the examiner may take a declaration of `lane` at `port` at `time`.
    public func covers(lane: Lane, port: String, at time: CivilTime) -> Bool {
        (self.port == "*" || self.port == port) && lanes.contains(lane) && from <= time && time < until
    }
}
