import FastReleaseCore

/// Reads the values of one row by column name, whatever the backend.
protocol RowReader {
    func text(_ column: String) throws -> String
    func integer(_ column: String) throws -> Int64
    func boolean(_ column: String) throws -> Bool
}

extension RowReader {
    /// A lane column (`release`, …, `withdrawn`).
    func lane(_ column: String) throws -> RecordedLane {
        let name = try text(column)
        guard let lane = RecordedLane(name: name) else {
            throw DecisionLogError(
                "the log holds an unknown lane `\(name)` in \(column); is it from a newer FastRelease?")
        }
        return lane
    }
}
