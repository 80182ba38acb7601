public import FastReleaseCore

/// The newest revision of a declaration decided in a period, with what inspections found.
///
/// Read a page at a time (``DecisionLog/newestRevisionPages(decidedFrom:to:)``), in the order the
/// declarations were first decided in the period.
public struct NewestRevision: Sendable, Hashable {
    /// The declaration's newest revision decided in the period.
    public var decision: StoredDecision
    /// What inspections of any revision found: `true` when any found the goods nonconforming,
    /// `false` when all found them conforming, `nil` when none was recorded.
    public var nonconforming: Bool?
    /// The declaration's first revision decided in the period: where the next page starts.
    public var first: PagePosition

    /// Creates a newest revision.
    public init(decision: StoredDecision, nonconforming: Bool?, first: PagePosition) {
        self.decision = decision
        self.nonconforming = nonconforming
        self.first = first
    }
}

/// A decision's place in the order of a period's pages: decided at, then key.
public struct PagePosition: Sendable, Hashable {
    /// When it was decided, milliseconds since 1970.
    public var decidedAt: Int64
    /// Its key.
    public var key: DecisionKey

    /// Creates a position.
    public init(decidedAt: Int64, key: DecisionKey) {
        self.decidedAt = decidedAt
        self.key = key
    }

    /// Before every decision.
    static let start = PagePosition(decidedAt: .min, key: DecisionKey(declarant: "", declarationID: ""))

    /// The position's values: decided at, declarant, id, revision.
    var values: [ColumnValue] { [.integer(decidedAt)] + key.values }
}

extension NewestRevision: ReadableRow {
    init(reading row: some RowReader) throws {
        let found = try row.integer("nonconforming")
        self.init(
            decision: try StoredDecision(reading: row), nonconforming: found < 0 ? nil : found > 0,
            first: PagePosition(
                decidedAt: try row.integer("first_decided_at"),
                key: DecisionKey(
                    declarant: try row.text("declarant"), declarationID: try row.text("declaration_id"),
                    revision: try row.text("first_revision"))))
    }
}
