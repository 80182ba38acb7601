public import FastReleaseCore

/// Past declarations to replay: the declaration decided, what was decided, and what the
/// inspections found.
public struct PastDeclaration: Sendable {
    /// The declaration as it was decided.
    public var declaration: Declaration
    /// The lane decided then, if known (from the decision log).
    public var decidedLane: Lane?
    /// The time the decision judged validity windows and sampling at.
    public var asOf: CivilTime?
    /// A time in the period whose seed the draw was made with (the service draws in the month
    /// it received a declaration), so that replaying draws with the same seed; `nil` to draw in
    /// the period of `asOf`.
    public var drawnAt: CivilTime? = nil
    /// What inspections found: `true` when any found the goods nonconforming, `false` when
    /// all found them conforming, `nil` when none was recorded.
    public var nonconforming: Bool?

    /// Creates a past declaration.
    public init(declaration: Declaration, decidedLane: Lane?, asOf: CivilTime?, nonconforming: Bool?) {
        self.declaration = declaration
        self.decidedLane = decidedLane
        self.asOf = asOf
        self.nonconforming = nonconforming
    }
}
