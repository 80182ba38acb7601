/// A decision, or the error record of a declaration that could not be decided.
public enum DecisionRecord: Sendable {
    /// A decided declaration.
    case decision(Decision)
    /// A declaration or message that could not be decided.
    case error(DeclarationError)
    /// An amendment or cancellation, held back for the caller to resolve against the decisions
    /// it keeps (``MessageDecider/ChangeHandling/holdBack``).
    case change(Declaration, decodeMicroseconds: Double)
}
