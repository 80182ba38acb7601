/// What the service answers for one declaration of a message: a durable decision, or why
/// none could be made. Answers are written as JSON or as receipts in the gateway's language.
public enum Answer: Sendable {
    /// A decision, durable in the log.
    case decision(AnsweredDecision)
    /// A declaration or message that could not be decided.
    case error(DeclarationError)
}
