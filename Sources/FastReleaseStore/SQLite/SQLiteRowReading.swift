import FastReleaseCore
import GRDB

/// GRDB's rows read by column name.
extension Row: RowReader {
    func text(_ column: String) throws -> String { try value(column) }
    func integer(_ column: String) throws -> Int64 { try value(column) }
    func boolean(_ column: String) throws -> Bool { try value(column) }

    private func value<Value: DatabaseValueConvertible>(_ column: String) throws -> Value {
        guard let value: Value = self[column] else {
            throw DecisionLogError("the SQLite decision log has no value in column \(column)")
        }
        return value
    }
}

extension StatementArguments {
    /// Arguments from column values, in order.
    init(_ values: [ColumnValue]) {
        self.init(
            values.map { value -> (any DatabaseValueConvertible)? in
                switch value {
                case .text(let text): text
                case .integer(let number): number
                case .boolean(let flag): flag
                case .textArray, .integerArray, .booleanArray:
                    preconditionFailure("column arrays are for PostgreSQL's unnest; SQLite binds one row at a time")
                }
            })
    }
}
