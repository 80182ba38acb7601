import FastReleaseCore

/// A value that the decision log keeps as one row of one table, mapped once for every backend.
///
/// A type lists its columns once (``columns``), gives its values in that order (``values``)
/// and reads itself back from any backend's row (``init(reading:)``): SQLite and PostgreSQL
/// build their statements from the same list, so a column is named in one place.
protocol StoredRow: ReadableRow {
    /// The table's name.
    static var table: String { get }
    /// The columns, in the order ``values`` gives them.
    static var columns: [Column] { get }
    /// The row's values, one per column.
    var values: [ColumnValue] { get }
}

/// A column of a stored table.
struct Column: Sendable {
    /// The column's name.
    let name: String
    /// Its type.
    let type: ColumnType

    init(_ name: String, _ type: ColumnType = .text) {
        self.name = name
        self.type = type
    }
}

/// The column types the log uses, named as both SQLite and PostgreSQL write them.
enum ColumnType: String, Sendable {
    case text = "TEXT"
    case integer = "BIGINT"
    case boolean = "BOOLEAN"
}

/// One value of a row, as written; the arrays carry one column of a whole batch (PostgreSQL's `unnest`).
enum ColumnValue: Sendable {
    case text(String)
    case integer(Int64)
    case boolean(Bool)
    case textArray([String])
    case integerArray([Int64])
    case booleanArray([Bool])
}

extension StoredRow {
    /// `a, b, c`.
    static var columnList: String { columns.map(\.name).joined(separator: ", ") }
}
