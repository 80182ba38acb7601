/// Whether goods enter or leave the customs territory.
///
/// The direction decides what some fields mean: in a CEB import inventory the head's
/// `country` is the country of dispatch, in an export inventory it is the destination.
public enum Direction: String, Sendable, Hashable, CaseIterable {
    /// Goods entering the territory.
    case `import`
    /// Goods leaving the territory.
    case export
}

/// What a declaration message asks for: a new declaration, a change, or a withdrawal.
public enum DeclarationFunction: String, Sendable, Hashable, CaseIterable {
    /// A first submission.
    case original
    /// A change to an earlier submission; it supersedes that one's decision.
    case amendment
    /// A withdrawal of an earlier submission.
    case cancellation
}
