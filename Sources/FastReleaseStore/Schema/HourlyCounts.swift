import FastReleaseCore

/// One row of `hourly_counts`: how many decisions recorded in an hour were in a lane, or how
/// many times a rule fired on them.
struct HourlyCount: Hashable, Comparable {
    /// The hour's start, milliseconds since 1970.
    let hour: Int64
    /// `lane` or `rule`.
    let kind: String
    /// The lane's or the rule's name.
    let name: String
    let count: Int64

    static func < (lhs: HourlyCount, rhs: HourlyCount) -> Bool {
        (lhs.hour, lhs.kind, lhs.name) < (rhs.hour, rhs.kind, rhs.name)
    }
}

/// The statements of `hourly_counts` (schema version 9): what each recorded decision adds, written
/// in the transaction that records it, and the dashboard's figures read from it.
enum HourlyCounts {
    /// An hour, in milliseconds.
    static let hour: Int64 = 3_600_000

    /// The start of the hour `time` falls in.
    static func start(of time: Int64) -> Int64 {
        time >= 0 ? time / hour * hour : (time - hour + 1) / hour * hour
    }

    /// What the decisions of a batch whose keys are `recorded` (newly in the log) add: one lane
    /// count per decision and one rule count per hit, summed per hour, in key order (so that
    /// writers sharing a log take the rows' locks in one order and never wait on each other in a
    /// cycle).
    static func adding(_ decisions: [StoredDecision], recorded: Set<DecisionKey>) -> [HourlyCount] {
        var counts: [HourlyCount: Int64] = [:]
        func add(_ hour: Int64, _ kind: String, _ name: String) {
            counts[HourlyCount(hour: hour, kind: kind, name: name, count: 0), default: 0] += 1
        }
        for decision in decisions where recorded.contains(decision.key) {
            let hour = start(of: decision.decidedAt)
            add(hour, "lane", decision.lane.name)
            for rule in decision.hitRuleIDs { add(hour, "rule", rule) }
        }
        return counts.map { HourlyCount(hour: $0.key.hour, kind: $0.key.kind, name: $0.key.name, count: $0.value) }
            .sorted()
    }

    /// Adds one count: hour, kind, name, count.
    static let addOne = """
        INSERT INTO hourly_counts (hour, kind, name, n) VALUES (?, ?, ?, ?)
        ON CONFLICT (hour, kind, name) DO UPDATE SET n = hourly_counts.n + excluded.n
        """

    static func values(_ count: HourlyCount) -> [ColumnValue] {
        [.integer(count.hour), .text(count.kind), .text(count.name), .integer(count.count)]
    }

    /// Adds many counts in one statement (PostgreSQL): four arrays, in key order.
    static let addMany = """
        INSERT INTO hourly_counts (hour, kind, name, n)
        SELECT * FROM unnest(?::bigint[], ?::text[], ?::text[], ?::bigint[])
        ON CONFLICT (hour, kind, name) DO UPDATE SET n = hourly_counts.n + excluded.n
        """

    static func columnArrays(_ counts: [HourlyCount]) -> [ColumnValue] {
        [
            .integerArray(counts.map(\.hour)), .textArray(counts.map(\.kind)), .textArray(counts.map(\.name)),
            .integerArray(counts.map(\.count)),
        ]
    }

    /// Decisions per hour and lane from an hour on: from.
    static let lanes = """
        SELECT hour AS bucket, name AS lane, n FROM hourly_counts WHERE kind = 'lane' AND hour >= ?
        ORDER BY hour, name
        """

    /// Each rule's hits from an hour on, most first, then by rule: from, limit.
    static let ruleHits = """
        SELECT name AS rule, CAST(SUM(n) AS BIGINT) AS hits FROM hourly_counts WHERE kind = 'rule' AND hour >= ?
        GROUP BY name ORDER BY hits DESC, name LIMIT ?
        """

    /// For each rule, its hits on the decisions from an hour on whose declarations have
    /// inspection results, and of those the ones found nonconforming (any inspection of any
    /// revision): read from the payloads of the inspected declarations' decisions only.
    /// `hits` is the backend's join that expands `d.payload`'s hits as rows named `h`, and
    /// `rule` its expression for a hit's rule. Arguments: from.
    static func ruleResults(hits: (join: String, rule: String)) -> String {
        """
        SELECT rule, COUNT(*) AS with_results, CAST(COALESCE(SUM(nc), 0) AS BIGINT) AS nonconforming FROM (
            SELECT \(hits.rule) AS rule, o.nc AS nc
            FROM (SELECT declarant, declaration_id, MAX(CASE WHEN conforming THEN 0 ELSE 1 END) AS nc
                  FROM inspections GROUP BY declarant, declaration_id) o
            JOIN decisions d ON d.declarant = o.declarant AND d.declaration_id = o.declaration_id
            \(hits.join)
            WHERE d.decided_at >= ?
        ) r WHERE rule IS NOT NULL GROUP BY rule
        """
    }
}

/// How each backend expands the hits of a decision's payload (`d.payload`) as rows named `h`:
/// the join, and the expression for a hit's rule (`NULL` when a hit names none).
enum PayloadHits {
    static let sqlite = (
        join: "CROSS JOIN json_each(CASE WHEN json_valid(d.payload) THEN d.payload ELSE '{}' END, '$.hits') AS h",
        rule: "json_extract(h.value, '$.rule')"
    )

    static let postgres = (
        join: """
        CROSS JOIN LATERAL jsonb_array_elements(CASE WHEN jsonb_typeof(d.payload::jsonb->'hits') = 'array'
            THEN d.payload::jsonb->'hits' ELSE '[]'::jsonb END) AS h(value)
        """,
        rule: "h.value->>'rule'"
    )
}

extension DecisionKey {
    /// The key's values, in key column order.
    var values: [ColumnValue] { [.text(declarant), .text(declarationID), .text(revision)] }
}

/// A rule's hits, as ``HourlyCounts/ruleHits`` answers them.
struct RuleHitsRow: ReadableRow {
    let rule: String
    let hits: Int

    init(reading row: some RowReader) throws {
        rule = try row.text("rule")
        hits = Int(try row.integer("hits"))
    }
}

/// A rule's hits with inspection results, as ``HourlyCounts/ruleResults(hits:)`` answers them.
struct RuleResultsRow: ReadableRow {
    let rule: String
    let withResults: Int
    let nonconforming: Int

    init(reading row: some RowReader) throws {
        rule = try row.text("rule")
        withResults = Int(try row.integer("with_results"))
        nonconforming = Int(try row.integer("nonconforming"))
    }
}

extension LaneCount: ReadableRow {
    init(reading row: some RowReader) throws {
        self.init(bucketStart: try row.integer("bucket"), lane: try row.lane("lane"), count: Int(try row.integer("n")))
    }
}
