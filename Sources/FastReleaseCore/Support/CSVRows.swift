/// A small CSV reader (RFC 4180 quoting) that remembers line and column of every field.
public enum CSVRows {
    /// One field and the column it starts at.
    public struct Field: Sendable {
        /// The field's text, without surrounding spaces.
        public var text: String
        /// The 1-based column.
        public var column: Int
    }

    /// One row and the line it starts on.
    public struct Row: Sendable {
        /// The 1-based line.
        public var line: Int
        /// The fields.
        public var fields: [Field]
        /// Whether every field is empty.
        public var isBlank: Bool { fields.allSatisfy { $0.text.isEmpty } }
    }

    /// Splits CSV text into rows of fields.
    public static func parse(_ text: String) -> [Row] {
        var rows: [Row] = []
        var fields: [Field] = []
        var current = ""
        var quoted = false
        var line = 1
        var column = 1
        var fieldColumn = 1
        var rowLine = 1
        var characters = Array(text).makeIterator()
        var pending: Character? = nil
        func finishField() {
            fields.append(Field(text: current.trimmingWhitespace, column: fieldColumn))
            current = ""
        }
        while let character = pending ?? characters.next() {
            pending = nil
            if quoted {
                if character == "\"" {
                    let next = characters.next()
                    if next == "\"" {
                        current.append("\"")
                        column += 1
                    } else {
                        quoted = false
                        pending = next
                    }
                } else {
                    current.append(character)
                    if character == "\n" {
                        line += 1
                        column = 0
                    }
                }
                column += 1
                continue
            }
            switch character {
            case "\"" where current.isEmpty:
                quoted = true
            case ",":
                finishField()
                fieldColumn = column + 1
            case "\n", "\r\n", "\r":
                finishField()
                rows.append(Row(line: rowLine, fields: fields))
                fields = []
                line += 1
                rowLine = line
                column = 0
                fieldColumn = 1
            default:
                current.append(character)
            }
            column += 1
        }
        if !current.isEmpty || !fields.isEmpty {
            finishField()
            rows.append(Row(line: rowLine, fields: fields))
        }
        return rows
    }
}
