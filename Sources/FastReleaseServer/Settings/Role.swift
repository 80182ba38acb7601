/// What a caller may do.
///
/// Viewers, gateways and operators are ranked: each may do what the one before may. A
/// laboratory stands apart: it records test results in the reference state and reads it, and
/// nothing else (not declarations, decisions or profiles); operators may do that too.
public enum Role: String, Sendable, CaseIterable {
    /// Reads decisions and metrics.
    case viewer
    /// Sends declarations and reads their decisions.
    case gateway
    /// Everything a gateway may do, and operates profiles and the reference state.
    case `operator`
    /// Records laboratory and monitoring results, and reads the reference state.
    case laboratory

    /// Whether a caller with this role may do what needs `required`.
    public func grants(_ required: Role) -> Bool {
        switch (self, required) {
        case (.operator, _): true
        case (.laboratory, .laboratory): true
        case (.laboratory, _), (_, .laboratory): false
        case (.gateway, .viewer), (.gateway, .gateway), (.viewer, .viewer): true
        default: false
        }
    }
}
