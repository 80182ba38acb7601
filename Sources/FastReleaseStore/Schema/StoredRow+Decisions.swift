import FastReleaseCore

extension StoredDecision: StoredRow {
    static let table = "decisions"

    static let columns = [
        Column("declarant"), Column("declaration_id"), Column("revision"), Column("message_id"), Column("lane"),
        Column("profile_version"), Column("decided_at", .integer), Column("payload"), Column("function"),
        Column("reference"), Column("declaration"),
    ]

    var values: [ColumnValue] {
        [
            .text(key.declarant), .text(key.declarationID), .text(key.revision), .text(messageID), .text(lane.name),
            .text(profileVersion), .integer(decidedAt), .text(payload), .text(function.rawValue), .text(reference),
            .text(declaration),
        ]
    }

    init(reading row: some RowReader) throws {
        let function = try row.text("function")
        guard let known = DeclarationFunction(rawValue: function) else {
            throw DecisionLogError("the log holds an unknown function `\(function)`; is it from a newer FastRelease?")
        }
        self.init(
            key: try DecisionKey(reading: row), messageID: try row.text("message_id"), lane: try row.lane("lane"),
            profileVersion: try row.text("profile_version"), decidedAt: try row.integer("decided_at"),
            payload: try row.text("payload"), function: known, reference: try row.text("reference"),
            declaration: try row.text("declaration"))
    }
}

extension DecisionKey {
    /// The key columns every table that names a decision has.
    init(reading row: some RowReader) throws {
        self.init(
            declarant: try row.text("declarant"), declarationID: try row.text("declaration_id"),
            revision: try row.text("revision"))
    }
}

extension StoredInspection: StoredRow {
    static let table = "inspections"

    static let columns = [
        Column("inspection_id"), Column("declarant"), Column("declaration_id"), Column("revision"),
        Column("conforming", .boolean), Column("inspected_at", .integer), Column("recorded_by"), Column("payload"),
    ]

    var values: [ColumnValue] {
        [
            .text(inspectionID), .text(decision.declarant), .text(decision.declarationID), .text(decision.revision),
            .boolean(conforming), .integer(inspectedAt), .text(recordedBy), .text(payload),
        ]
    }

    init(reading row: some RowReader) throws {
        self.init(
            inspectionID: try row.text("inspection_id"), decision: try DecisionKey(reading: row),
            conforming: try row.boolean("conforming"), inspectedAt: try row.integer("inspected_at"),
            recordedBy: try row.text("recorded_by"), payload: try row.text("payload"))
    }
}

extension StoredProfileChange: StoredRow {
    static let table = "profile_changes"

    static let columns = [
        Column("version"), Column("previous_version"), Column("changed_at", .integer), Column("changed_by"),
        Column("summary"), Column("files"),
    ]

    var values: [ColumnValue] {
        [.text(version), .text(previousVersion), .integer(changedAt), .text(changedBy), .text(summary), .text(files)]
    }

    init(reading row: some RowReader) throws {
        self.init(
            version: try row.text("version"), previousVersion: try row.text("previous_version"),
            changedAt: try row.integer("changed_at"), changedBy: try row.text("changed_by"),
            summary: try row.text("summary"), files: try row.text("files"))
    }
}

extension StoredShadowDecision: StoredRow {
    static let table = "shadow_decisions"

    static let columns = [
        Column("shadow_version"), Column("declarant"), Column("declaration_id"), Column("revision"),
        Column("live_lane"), Column("shadow_lane"), Column("decided_at", .integer), Column("payload"),
    ]

    var values: [ColumnValue] {
        [
            .text(shadowVersion), .text(key.declarant), .text(key.declarationID), .text(key.revision),
            .text(liveLane.name), .text(shadowLane.name), .integer(decidedAt), .text(payload),
        ]
    }

    init(reading row: some RowReader) throws {
        self.init(
            shadowVersion: try row.text("shadow_version"), key: try DecisionKey(reading: row),
            liveLane: try row.lane("live_lane"), shadowLane: try row.lane("shadow_lane"),
            decidedAt: try row.integer("decided_at"), payload: try row.text("payload"))
    }
}

extension StoredProfileProposal: StoredRow {
    static let table = "profile_proposals"

    static let columns = [
        Column("id"), Column("version"), Column("base_version"), Column("proposed_at", .integer), Column("proposed_by"),
        Column("summary"),
        Column("files"), Column("review"), Column("approvals"), Column("status"), Column("decided_at", .integer),
    ]

    var values: [ColumnValue] {
        [
            .text(id), .text(version), .text(baseVersion), .integer(proposedAt), .text(proposedBy), .text(summary),
            .text(files),
            .text(review), .text(approvals), .text(status.rawValue), .integer(decidedAt),
        ]
    }

    init(reading row: some RowReader) throws {
        let name = try row.text("status")
        guard let status = Status(rawValue: name) else {
            throw DecisionLogError(
                "the log holds an unknown proposal status `\(name)`; is it from a newer FastRelease?")
        }
        self.init(
            id: try row.text("id"), version: try row.text("version"), baseVersion: try row.text("base_version"),
            proposedAt: try row.integer("proposed_at"),
            proposedBy: try row.text("proposed_by"), summary: try row.text("summary"), files: try row.text("files"),
            review: try row.text("review"), approvals: try row.text("approvals"),
            status: status,
            decidedAt: try row.integer("decided_at"))
    }
}

extension StoredShadowRun: StoredRow {
    static let table = "shadow_runs"

    static let columns = [
        Column("version"), Column("files"), Column("started_at", .integer), Column("started_by"),
        Column("stopped_at", .integer),
    ]

    var values: [ColumnValue] {
        [.text(version), .text(files), .integer(startedAt), .text(startedBy), .integer(stoppedAt)]
    }

    init(reading row: some RowReader) throws {
        self.init(
            version: try row.text("version"), files: try row.text("files"), startedAt: try row.integer("started_at"),
            startedBy: try row.text("started_by"), stoppedAt: try row.integer("stopped_at"))
    }
}

extension LanePairCount: ReadableRow {
    init(reading row: some RowReader) throws {
        self.init(
            live: try row.lane("live_lane"), shadow: try row.lane("shadow_lane"), count: Int(try row.integer("n")))
    }
}
