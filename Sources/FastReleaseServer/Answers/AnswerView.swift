import FastReleaseCore

/// How much of a decision a caller is answered with: a gateway, a trader's system, gets what the
/// trader must do (``TraderAnswer``); viewers and operators get the full explanation.
enum AnswerView: Sendable {
    /// Lane, actions and reference only.
    case trader
    /// The whole payload: rules, weights, score, reasons, evidence, draw.
    case full

    /// The view for a caller's role.
    init(_ context: ServiceRequestContext) {
        self = context.caller?.role == .gateway ? .trader : .full
    }
}
