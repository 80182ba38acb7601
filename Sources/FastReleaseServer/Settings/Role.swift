/// What a caller may do.
public enum Role: String, Sendable, CaseIterable, Comparable {
    /// Reads decisions and metrics.
    case viewer
    /// Sends declarations and reads their decisions.
    case gateway
    /// Everything a gateway may do, and operates profiles.
    case `operator`

    private var rank: Int { Self.allCases.firstIndex(of: self)! }

    public static func < (lhs: Role, rhs: Role) -> Bool { lhs.rank < rhs.rank }
}
