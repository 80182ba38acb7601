import FastReleaseCore

/// The statements of `rule_hits`: one row per rule a recorded decision revision fired, written
/// with the revision (schema version 9), and the rule statistics counted from them.
enum RuleHitStatements {
    /// Inserts one hit: declarant, declaration id, revision, rule, decided at.
    static let insertOne =
        "INSERT INTO rule_hits (declarant, declaration_id, revision, rule, decided_at) VALUES (?, ?, ?, ?, ?)"

    static func values(_ rule: String, of decision: StoredDecision) -> [ColumnValue] {
        decision.key.values + [.text(rule), .integer(decision.decidedAt)]
    }

    /// The hits of a batch as four columns (declarant, declaration id, revision, rule), for
    /// PostgreSQL's `unnest`.
    static func columnArrays(_ batch: [StoredDecision]) -> [ColumnValue] {
        var declarants: [String] = []
        var ids: [String] = []
        var revisions: [String] = []
        var rules: [String] = []
        for decision in batch {
            for rule in decision.hitRuleIDs {
                declarants.append(decision.key.declarant)
                ids.append(decision.key.declarationID)
                revisions.append(decision.key.revision)
                rules.append(rule)
            }
        }
        return [.textArray(declarants), .textArray(ids), .textArray(revisions), .textArray(rules)]
    }

    /// Each rule's hits since a time, with how many of them fell on declarations that inspections
    /// judged and found nonconforming (any inspection of any revision of the declaration): from,
    /// limit. Most hits first, then by rule.
    static let statistics = """
        SELECT h.rule AS rule, COUNT(*) AS hits, COUNT(o.nonconforming) AS with_results,
            CAST(COALESCE(SUM(o.nonconforming), 0) AS BIGINT) AS nonconforming
        FROM rule_hits h LEFT JOIN (
            SELECT declarant, declaration_id, MAX(CASE WHEN conforming THEN 0 ELSE 1 END) AS nonconforming
            FROM inspections GROUP BY declarant, declaration_id
        ) o ON o.declarant = h.declarant AND o.declaration_id = h.declaration_id
        WHERE h.decided_at >= ?
        GROUP BY h.rule ORDER BY hits DESC, rule LIMIT ?
        """
}

extension DecisionKey {
    /// The key's values, in key column order.
    var values: [ColumnValue] { [.text(declarant), .text(declarationID), .text(revision)] }
}

extension RuleStatistic: ReadableRow {
    init(reading row: some RowReader) throws {
        self.init(
            rule: try row.text("rule"), hits: Int(try row.integer("hits")),
            withResults: Int(try row.integer("with_results")), nonconforming: Int(try row.integer("nonconforming")))
    }
}
