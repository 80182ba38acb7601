/// What a declaration message asks for: a new declaration, a change, or a withdrawal.
public enum DeclarationFunction: String, Sendable, Hashable, CaseIterable {
    /// A first submission.
    case original
    /// A change to an earlier submission; it supersedes that one's decision.
    case amendment
    /// A withdrawal of an earlier submission.
    case cancellation
}
