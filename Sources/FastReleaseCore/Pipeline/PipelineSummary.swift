/// What a pipeline run did: counts per lane, errors, and speed.
public struct PipelineSummary: Sendable, Hashable, CustomStringConvertible {
    /// Decisions by lane, indexed by `Lane.rawValue`.
    public var laneCounts = [Int](repeating: 0, count: Lane.allCases.count)
    /// Error records written.
    public var errors = 0
    /// Messages read.
    public var messages = 0
    /// Every lot of the reference state with what the run wrote off (runs with a state only).
    public var lots: [LotBalance] = []
    /// Seconds from start to the last byte written.
    public var elapsedSeconds = 0.0

    /// Creates an empty summary.
    public init() {}

    /// Declarations decided.
    public var decisions: Int { laneCounts.reduce(0, +) }

    /// Decisions per second over the whole run.
    public var decisionsPerSecond: Double { elapsedSeconds > 0 ? Double(decisions) / elapsedSeconds : 0 }

    /// A few lines for standard error.
    public var description: String {
        let lanes = Lane.allCases.map { "\($0.name) \(laneCounts[$0.rawValue])" }.joined(separator: ", ")
        let speed = (decisionsPerSecond * 10).rounded() / 10
        let seconds = (elapsedSeconds * 1000).rounded() / 1000
        let lines = [
            "decided \(decisions) declarations from \(messages) messages in \(seconds) s (\(speed) declarations/s)",
            "lanes: \(lanes)", "errors: \(errors)",
        ]
        return (lines + lots.map(\.description)).joined(separator: "\n")
    }

    mutating func add(_ other: PipelineSummary) {
        for lane in laneCounts.indices { laneCounts[lane] += other.laneCounts[lane] }
        errors += other.errors
        messages += other.messages
    }
}
