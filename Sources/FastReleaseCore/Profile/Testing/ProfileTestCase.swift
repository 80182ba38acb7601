/// An example kept with a profile (`tests/*.yaml`): a declaration and what the profile must
/// decide for it. `fastrelease profile test` runs them.
public struct ProfileTestCase: Sendable {
    /// Where the declaration comes from.
    public enum Input: Sendable {
        /// A declaration sketched in YAML with the profile's field names.
        case sketch(Declaration)
        /// An XML message file (path relative to the tests folder), and which of its
        /// declarations, or the first when `nil`.
        case message(path: String, declarationID: String?)
    }

    /// The file the case is in, and its line.
    public var position: SourcePosition
    /// What the case shows, for people.
    public var name: String
    /// The DOMAIN.md practice numbers the case covers.
    public var practices: [Int]
    /// The declaration.
    public var input: Input
    /// When to judge validity windows and sampling periods, when the declaration states no time.
    public var at: CivilTime?
    /// The lane the profile must decide.
    public var lane: Lane
    /// Exactly the rules that must fire, in any order, when stated.
    public var hits: Set<String>?
    /// Exactly the laboratory tests required, when stated.
    public var labTests: Set<String>?
    /// Whether the random selection must draw the declaration, when stated.
    public var drawn: Bool?
    /// Exactly the rules evidence must waive, when stated (cases run against the profile
    /// folder's `state/`).
    public var waived: Set<String>? = nil
    /// Exactly what must be written off, by lot, when stated.
    public var writtenOff: [String: Double]? = nil
}
