import FastReleaseCore

/// A value read from one row of a query's answer.
protocol ReadableRow: Sendable {
    /// Reads a row.
    init(reading row: some RowReader) throws
}
