#if PostgreSQL
    import FastReleaseCore
    import PostgresNIO

    /// PostgresNIO's rows read by column name.
    extension PostgresRandomAccessRow: RowReader {
        func text(_ column: String) throws -> String { try cell(column).decode(String.self) }
        func integer(_ column: String) throws -> Int64 { try cell(column).decode(Int64.self) }
        func boolean(_ column: String) throws -> Bool { try cell(column).decode(Bool.self) }

        private func cell(_ column: String) throws -> PostgresCell {
            guard contains(column) else {
                throw DecisionLogError("the PostgreSQL decision log answered without column \(column)")
            }
            return self[column]
        }
    }

    extension PostgresQuery {
        /// A query written with `?` placeholders (``LogQueries``), numbered `$1`, `$2`, … and bound in order.
        init(_ sql: String, _ arguments: [ColumnValue]) {
            var numbered = ""
            var next = 1
            for character in sql {
                if character == "?" {
                    numbered += "$\(next)"
                    next += 1
                } else {
                    numbered.append(character)
                }
            }
            var binds = PostgresBindings(capacity: arguments.count)
            for argument in arguments {
                switch argument {
                case .text(let text): binds.append(text)
                case .integer(let number): binds.append(number)
                case .boolean(let flag): binds.append(flag)
                case .textArray(let texts): binds.append(texts)
                case .integerArray(let numbers): binds.append(numbers)
                case .booleanArray(let flags): binds.append(flags)
                }
            }
            self.init(unsafeSQL: numbered, binds: binds)
        }
    }

    extension StoredRow {
        /// `INSERT INTO table (columns) SELECT * FROM unnest(?::text[], …) suffix`: a whole batch in one statement.
        static func unnestInsert(_ suffix: String) -> String {
            let arrays = columns.map { "?::\($0.type.rawValue)[]" }.joined(separator: ", ")
            return "INSERT INTO \(table) (\(columnList)) SELECT * FROM unnest(\(arrays)) \(suffix)"
        }

        /// One array per column, of every row's value in it, for ``unnestInsert(_:)``.
        static func columnArrays(_ rows: [Self]) -> [ColumnValue] {
            let values = rows.map(\.values)
            return columns.indices.map { index in
                switch columns[index].type {
                case .text:
                    .textArray(values.map { if case .text(let text) = $0[index] { text } else { "" } })
                case .integer:
                    .integerArray(values.map { if case .integer(let number) = $0[index] { number } else { 0 } })
                case .boolean:
                    .booleanArray(values.map { if case .boolean(let flag) = $0[index] { flag } else { false } })
                }
            }
        }
    }
#endif
