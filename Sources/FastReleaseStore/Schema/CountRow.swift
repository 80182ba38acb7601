import FastReleaseCore

/// A count read from column `n`.
struct CountRow: ReadableRow {
    let count: Int

    init(reading row: some RowReader) throws {
        count = Int(try row.integer("n"))
    }
}
