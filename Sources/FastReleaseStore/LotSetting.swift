/// What a state change sets for one lot in the log's balances, in millionths of its unit.
public struct LotSetting: Sendable, Hashable {
    /// The conforming quantity (replaces the one held).
    public var conforming: Int64
    /// What was written off before the lot came to the log: used only when the log does not hold
    /// the lot yet; afterwards the decisions' write-offs are the balance.
    public var initialWrittenOff: Int64

    /// Creates a setting.
    public init(conforming: Int64, initialWrittenOff: Int64 = 0) {
        self.conforming = conforming
        self.initialWrittenOff = initialWrittenOff
    }
}
