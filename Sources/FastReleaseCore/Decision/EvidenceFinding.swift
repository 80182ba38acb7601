/// What the reference state showed for one rule's lab tests: evidence that satisfied them, in
/// numbers, or why a kind of evidence did not apply.
///
/// A rule tries its evidence kinds in order; each kind that does not apply leaves one
/// unsatisfied finding with its reason, and the kind that applies leaves one satisfied finding
/// per lot, supplier or enterprise it rests on.
public struct EvidenceFinding: Sendable, Hashable {
    /// The kind of evidence.
    public var kind: EvidenceKind
    /// Whether it satisfied the rule's tests.
    public var satisfied: Bool
    /// The lot id, supplier code or enterprise code it is about (empty when none was found).
    public var subject: String
    /// What it showed, in a sentence for an officer (`lot L-17 has 20 of 300 H87 left, line 1 needs 25`).
    public var detail: String
    /// For a lot: the quantity written off for this rule's lines, in `unit`.
    public var writtenOff: Double?
    /// For a lot: what is left after the write-off (or, unsatisfied, before it), in `unit`.
    public var left: Double?
    /// The lot's unit (UN/ECE Rec 20), for a lot.
    public var unit: String
    /// For monitoring and suppliers: the date of the oldest of the newest results relied on
    /// (or, unsatisfied, of the result that ended the exemption), `yyyy-MM-dd`.
    public var testedOn: String?

    /// Creates a finding.
    public init(
        kind: EvidenceKind, satisfied: Bool, subject: String, detail: String, writtenOff: Double? = nil,
        left: Double? = nil, unit: String = "", testedOn: String? = nil
    ) {
        self.kind = kind
        self.satisfied = satisfied
        self.subject = subject
        self.detail = detail
        self.writtenOff = writtenOff
        self.left = left
        self.unit = unit
        self.testedOn = testedOn
    }
}
