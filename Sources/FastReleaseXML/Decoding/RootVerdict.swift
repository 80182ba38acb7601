import FastReleaseCore

/// What to do with a message, judged from its root element.
enum RootVerdict {
    /// Decode it with this format.
    case decode(MessageFormat)
    /// Refuse it, with a reason.
    case refuse(DeclarationError.Code, String)
}
