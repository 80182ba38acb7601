import FastReleaseCore

/// The decision log's queries, one text for both backends (`?` placeholders; PostgreSQL's
/// are numbered when the query is sent).
enum LogQueries {
    private static let decisionColumns = StoredDecision.columnList
    private static let byRevisionOrder = "ORDER BY declarant, decided_at, function = 'original' DESC, revision"

    static let decisionByKey =
        "SELECT \(decisionColumns) FROM decisions WHERE declarant = ? AND declaration_id = ? AND revision = ?"

    /// Every revision of every declaration with an id, oldest first within a declarant.
    static let decisionsByID = "SELECT \(decisionColumns) FROM decisions WHERE declaration_id = ? \(byRevisionOrder)"

    /// Every revision of the declaration(s) customs gave a reference.
    static let decisionsByReference = """
        SELECT \(decisionColumns) FROM decisions WHERE (declarant, declaration_id) IN
            (SELECT declarant, declaration_id FROM decisions WHERE reference = ?)
        \(byRevisionOrder)
        """

    /// A page of the decisions of a period, after a key: the later of from and the key's decided at
    /// (one lower bound, so that the time index is entered there and not at the period's start),
    /// to, decided_at, declarant, id, revision, limit.
    static let decisionPage = """
        SELECT \(decisionColumns) FROM decisions WHERE decided_at >= ? AND decided_at < ?
        AND (decided_at, declarant, declaration_id, revision) > (?, ?, ?, ?)
        ORDER BY decided_at, declarant, declaration_id, revision LIMIT ?
        """

    /// A page of the newest revision of each declaration decided in a period, in the order the
    /// declarations were first decided in it (row `f`, the page's position), with `n` the newest
    /// revision in the period and what the declaration's inspections found (-1 none, 0
    /// conforming, 1 nonconforming). Arguments: the later of from and the position's decided at
    /// (one lower bound, where the time index is entered), to, the position (decided at, declarant,
    /// id, revision), from, to, from, to, from, to, limit.
    static let newestRevisionPage = """
        SELECT \(StoredDecision.columns.map { "n." + $0.name }.joined(separator: ", ")),
            f.decided_at AS first_decided_at, f.revision AS first_revision,
            CAST(COALESCE((SELECT MAX(CASE WHEN i.conforming THEN 0 ELSE 1 END) FROM inspections i
                WHERE i.declaration_id = n.declaration_id AND i.declarant = n.declarant), -1) AS BIGINT) AS nonconforming
        FROM decisions f JOIN decisions n ON n.declarant = f.declarant AND n.declaration_id = f.declaration_id
        WHERE f.decided_at >= ? AND f.decided_at < ?
            AND (f.decided_at, f.declarant, f.declaration_id, f.revision) > (?, ?, ?, ?)
            AND n.decided_at >= ? AND n.decided_at < ?
            AND NOT EXISTS (SELECT 1 FROM decisions e
                WHERE e.declarant = f.declarant AND e.declaration_id = f.declaration_id
                AND e.decided_at >= ? AND e.decided_at < ? AND (e.decided_at, e.revision) < (f.decided_at, f.revision))
            AND NOT EXISTS (SELECT 1 FROM decisions l
                WHERE l.declarant = n.declarant AND l.declaration_id = n.declaration_id
                AND l.decided_at >= ? AND l.decided_at < ? AND (l.decided_at, l.revision) > (n.decided_at, n.revision))
        ORDER BY f.decided_at, f.declarant, f.declaration_id, f.revision LIMIT ?
        """

    /// The inspection results of the declarations with any of `count` ids, oldest first.
    static func inspectionsByDeclarationIDs(_ count: Int) -> String {
        let places = Array(repeating: "?", count: max(1, count)).joined(separator: ", ")
        return """
            SELECT \(StoredInspection.columnList) FROM inspections WHERE declaration_id IN (\(places))
            ORDER BY inspected_at, inspection_id
            """
    }

    /// A page of what the selection desk counts of the decisions of a period, after a position:
    /// the later of from and the position's decided at, to, decided at, declarant, id, revision, limit. `json(column, path)` is the backend's
    /// expression for the text at a path of a JSON column (empty when absent).
    static func selectionPage(json: (String, [String]) -> String) -> String {
        """
        SELECT decided_at, declarant, declaration_id, revision, lane,
            COALESCE(\(json("declaration", ["port"])), '') AS port,
            CASE WHEN \(json("payload", ["top_up", "lane"])) IS NULL THEN 0 ELSE 1 END AS topped_up,
            COALESCE(\(json("payload", ["examiner", "examiner"])), '') AS examiner,
            COALESCE(\(json("payload", ["examiner", "day"])), '') AS examiner_day
        FROM decisions WHERE decided_at >= ? AND decided_at < ?
        AND (decided_at, declarant, declaration_id, revision) > (?, ?, ?, ?)
        ORDER BY decided_at, declarant, declaration_id, revision LIMIT ?
        """
    }

    static let decisionCount = "SELECT COUNT(*) AS n FROM decisions"

    static let inspectionByID =
        "SELECT \(StoredInspection.columnList) FROM inspections WHERE inspection_id = ?"

    static let inspectionsByDeclarationID =
        "SELECT \(StoredInspection.columnList) FROM inspections WHERE declaration_id = ? ORDER BY inspected_at, inspection_id"

    static let inspectionPage =
        "SELECT \(StoredInspection.columnList) FROM inspections WHERE inspection_id > ? ORDER BY inspection_id LIMIT ?"

    static let shadowDifferences = """
        SELECT \(StoredShadowDecision.columnList) FROM shadow_decisions
        WHERE shadow_version = ? AND live_lane <> shadow_lane ORDER BY decided_at DESC LIMIT ?
        """

    static let profileChanges =
        "SELECT \(StoredProfileChange.columnList) FROM profile_changes ORDER BY sequence DESC LIMIT ?"

    static let profileChangeByVersion =
        "SELECT \(StoredProfileChange.columnList) FROM profile_changes WHERE version = ? ORDER BY sequence DESC LIMIT 1"

    static let proposals =
        "SELECT \(StoredProfileProposal.columnList) FROM profile_proposals ORDER BY proposed_at DESC, id DESC LIMIT ?"

    static let proposalByID = "SELECT \(StoredProfileProposal.columnList) FROM profile_proposals WHERE id = ?"

    /// Moves a pending proposal on, only if no one else did since it was read (its approvals unchanged).
    static let updateProposal = """
        UPDATE profile_proposals SET approvals = ?, status = ?, decided_at = ?
        WHERE id = ? AND status = 'pending' AND approvals = ? RETURNING 1 AS n
        """

    static let currentShadowRun = """
        SELECT \(StoredShadowRun.columnList) FROM shadow_runs WHERE stopped_at = 0 ORDER BY sequence DESC LIMIT 1
        """

    static let stopShadowRuns = "UPDATE shadow_runs SET stopped_at = ? WHERE stopped_at = 0 RETURNING 1 AS n"

    static let shadowCounts = """
        SELECT live_lane, shadow_lane, COUNT(*) AS n FROM shadow_decisions
        WHERE shadow_version = ? AND decided_at >= ? GROUP BY live_lane, shadow_lane
        """

    static let ping = "SELECT 1 AS n"
}

extension StoredRow {
    /// `INSERT INTO table (columns) VALUES (?, …)`, with `suffix` (such as an `ON CONFLICT` clause).
    static func insertStatement(_ suffix: String = "") -> String {
        let places = Array(repeating: "?", count: columns.count).joined(separator: ", ")
        return "INSERT INTO \(table) (\(columnList)) VALUES (\(places)) \(suffix)"
    }
}
