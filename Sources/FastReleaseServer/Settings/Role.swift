/// What a caller may do.
///
/// Operators may do everything. The other roles stand apart, so that none reads more than its
/// work needs:
/// - a gateway, a trader's system, sends declarations and reads their decisions as the trader
///   may see them (lane, what to do, a reference: ``TraderAnswer``), never the profile, the
///   state, the dashboard or the full explanations;
/// - a viewer reads decisions in full, the profile, the dashboard and metrics;
/// - an inspector (the examiners' systems) records inspection outcomes and reads what a viewer reads;
/// - a laboratory records test results in the reference state and reads it, and nothing else.
public enum Role: String, Sendable, CaseIterable {
    /// Reads decisions in full, profiles, the dashboard and metrics.
    case viewer
    /// Sends declarations and reads their decisions as the trader may see them.
    case gateway
    /// Everything: operates profiles and the reference state, and may do what every other role may.
    case `operator`
    /// Records laboratory and monitoring results, and reads the reference state.
    case laboratory
    /// Records inspection outcomes, and reads what a viewer reads.
    case inspector

    /// Whether a caller with this role may do what needs `required`.
    public func grants(_ required: Role) -> Bool {
        switch (self, required) {
        case (.operator, _): true
        case (.inspector, .viewer): true
        default: self == required
        }
    }
}
