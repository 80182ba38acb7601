import FastReleaseCore

/// A decision turned into the row the decision log keeps, with the payload's members as the
/// byte encoder wrote them, so that a new decision's JSON answer reuses them.
struct PendingRecord: Sendable {
    /// The row to record.
    let stored: StoredDecision
    /// The payload's members (without braces), for scored decisions; `nil` for withdrawals.
    let members: ArraySlice<UInt8>?
    /// What the trader may be told of the decision's rules (``TraderAnswer/notices(of:)``).
    var notices: [String] = []
}
