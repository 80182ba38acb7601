import FastReleaseCore

extension StoredStateChange: StoredRow {
    static let table = "state_changes"

    /// The columns written; `sequence` is given by the log and read back beside them.
    static let columns = [
        Column("changed_at", .integer), Column("changed_by"), Column("role"), Column("file"),
        Column("rows", .integer), Column("content"),
    ]

    var values: [ColumnValue] {
        [.integer(changedAt), .text(changedBy), .text(role), .text(file), .integer(Int64(rows)), .text(content)]
    }

    init(reading row: some RowReader) throws {
        self.init(
            sequence: try row.integer("sequence"), changedAt: try row.integer("changed_at"),
            changedBy: try row.text("changed_by"), role: try row.text("role"), file: try row.text("file"),
            rows: Int(try row.integer("rows")), content: try row.text("content"))
    }
}

/// One lot's written-off quantity, in millionths.
struct LotBalanceRow: ReadableRow {
    let lot: String
    let writtenOff: Int64

    init(reading row: some RowReader) throws {
        lot = try row.text("lot")
        writtenOff = try row.integer("written_off")
    }
}

/// The statements that keep lot balances, the same on both backends.
enum LotStatements {
    /// Sets a lot's conforming quantity, and what was written off when the lot is new: lot,
    /// conforming, written off.
    static let setConforming = """
        INSERT INTO lot_balances (lot, conforming, written_off) VALUES (?, ?, ?)
        ON CONFLICT (lot) DO UPDATE SET conforming = excluded.conforming
        """

    static func arguments(_ lot: String, _ setting: LotSetting) -> [ColumnValue] {
        [.text(lot), .integer(setting.conforming), .integer(setting.initialWrittenOff)]
    }

    /// Writes off (quantity > 0) only what the lot has left: quantity, lot, quantity.
    static let take =
        "UPDATE lot_balances SET written_off = written_off + ? WHERE lot = ? AND written_off + ? <= conforming"

    /// Gives back (quantity < 0): quantity, lot.
    static let giveBack = "UPDATE lot_balances SET written_off = written_off + ? WHERE lot = ?"

    /// Keeps what a revision wrote off: declarant, declaration id, revision, lot, quantity, decided at.
    static let ledger = """
        INSERT INTO lot_write_offs (declarant, declaration_id, revision, lot, quantity, decided_at)
        VALUES (?, ?, ?, ?, ?, ?)
        """

    static let balances = "SELECT lot, written_off FROM lot_balances"

    static let changesAfter =
        "SELECT sequence, \(StoredStateChange.columnList) FROM state_changes WHERE sequence > ? ORDER BY sequence LIMIT ?"

    /// The statement for one claim, and its arguments.
    static func apply(_ claim: LotClaim) -> (sql: String, arguments: [ColumnValue]) {
        let quantity = claim.millionths
        return quantity > 0
            ? (take, [.integer(quantity), .text(claim.lot), .integer(quantity)])
            : (giveBack, [.integer(quantity), .text(claim.lot)])
    }

    /// The ledger row of one claim of `decision`.
    static func ledgerArguments(_ claim: LotClaim, of decision: StoredDecision) -> [ColumnValue] {
        decision.key.values + [.text(claim.lot), .integer(claim.millionths), .integer(decision.decidedAt)]
    }
}
