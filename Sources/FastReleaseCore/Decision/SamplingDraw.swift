/// The random-selection draw for one declaration ("two randoms, one disclosure").
///
/// The draw is the first 8 bytes of SHA-256 of `seed|declarant|declaration id`, read as a
/// big-endian integer and divided by 2^64. The declaration is drawn when `draw < rate`.
/// An auditor who knows the period's seed can recompute it with `sha256sum`.
public struct SamplingDraw: Sendable, Hashable {
    /// The sampling rate that applied (by credit class).
    public var rate: Double
    /// The draw in `[0, 1)`.
    public var draw: Double
    /// Whether the declaration was selected (`draw < rate`).
    public var drawn: Bool
    /// Which seed was used: a period key such as `2026-11`, or `default`.
    public var period: String
    /// The credit class the rate was chosen by (`red`, `1`…`4`, `black`).
    public var creditClass: String

    /// Creates a draw record.
    public init(rate: Double, draw: Double, drawn: Bool, period: String, creditClass: String) {
        self.rate = rate
        self.draw = draw
        self.drawn = drawn
        self.period = period
        self.creditClass = creditClass
    }
}
