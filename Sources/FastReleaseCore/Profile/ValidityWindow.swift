/// When a rule is in force: from its start to its end, both included.
public struct ValidityWindow: Sendable, Hashable {
    /// The first moment in force; `nil` for no start.
    public var from: CivilTime?
    /// The last moment in force; `nil` for no end.
    public var until: CivilTime?
    /// When the rule is due for review (informational).
    public var review: CivilTime?

    /// Creates a window.
    public init(from: CivilTime?, until: CivilTime?, review: CivilTime? = nil) {
        self.from = from
        self.until = until
        self.review = review
    }

    /// Whether `time` lies inside the window.
    @inline(__always)
    public func contains(_ time: CivilTime) -> Bool {
        if let from, time < from { return false }
        if let until, until < time { return false }
        return true
    }
}
