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
