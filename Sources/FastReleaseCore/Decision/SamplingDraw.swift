/// The random-selection draw for one declaration ("two randoms, one disclosure").
///
/// The draw is `sha256("seed|consignment key")` read as described in ``SamplingDrawer``; the
/// declaration is drawn when `draw < rate`. An auditor who knows the period's revealed seed
/// can recompute it with `sha256sum`.
public struct SamplingDraw: Sendable, Hashable {
    /// The sampling rate that applied (by credit class).
    public var rate: Double
    /// The draw in `[0, 1)`; `nil` when the period's seed was not given (then nothing is drawn,
    /// and a declaration whose rate is above zero is refused: see ``seedMissing``).
    public var draw: Double?
    /// Whether the declaration was selected (`draw < rate`).
    public var drawn: Bool
    /// The period whose seed was used, `yyyy-MM`.
    public var period: String
    /// The credit class the rate was chosen by (`red`, `1`…`4`, `black`).
    public var creditClass: String
    /// What the draw was keyed on.
    public var consignment: ConsignmentKey?
    /// The time the draw was made at (its period's); examiners' days are counted in it.
    public var at: CivilTime? = nil

    /// Creates a draw record.
    public init(
        rate: Double, draw: Double?, drawn: Bool, period: String, creditClass: String,
        consignment: ConsignmentKey? = nil, at: CivilTime? = nil
    ) {
        self.rate = rate
        self.draw = draw
        self.drawn = drawn
        self.period = period
        self.creditClass = creditClass
        self.consignment = consignment
        self.at = at
    }

    /// The text of what the draw was keyed on (``ConsignmentKey``); empty when not known.
    public var key: String { consignment?.description ?? "" }

    /// Whether a draw was needed (the rate is above zero) but the period's seed was not given.
    public var seedMissing: Bool { draw == nil && rate > 0 }
}
