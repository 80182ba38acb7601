/// One test a rule makes on one field, as the operator wrote it.
///
/// ```yaml
/// when:
///   item.hs: {prefix: ["4303"]}             # fur garments
///   country.destination: {group: EU_US_JP_KR}
///   value.total: {min: 1000, below: 50000}
/// ```
public struct Condition: Sendable, Hashable {
    /// The field tested.
    public var field: DeclarationField
    /// The tests; all must hold.
    public var tests: [ConditionTest]
    /// Where the condition is written.
    public var position: SourcePosition

    /// Creates a condition.
    public init(field: DeclarationField, tests: [ConditionTest], position: SourcePosition) {
        self.field = field
        self.tests = tests
        self.position = position
    }
}
