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
    ///
    /// Works on the text's UTF-8 bytes: splitting into `Character`s first would cost a
    /// grapheme break test for every byte of an 11,000-row register. Columns count Unicode
    /// scalars; a CR LF pair, a lone CR and a LF each end a line, inside quotes too.
    public static func parse(_ text: String) -> [Row] {
        var text = text
        return text.withUTF8 { bytes in
            var splitter = Splitter()
            var index = 0
            while index < bytes.count {
                let next = index + 1 < bytes.count ? bytes[index + 1] : nil
                index += splitter.take(bytes[index], next: next) ? 2 : 1
            }
            return splitter.finish()
        }
    }

    /// The state of one pass over the bytes.
    private struct Splitter {
        static let quote = UInt8(ascii: "\"")
        static let comma = UInt8(ascii: ",")
        static let lineFeed = UInt8(ascii: "\n")
        static let carriageReturn = UInt8(ascii: "\r")

        var rows: [Row] = []
        var fields: [Field] = []
        var current: [UInt8] = []
        var quoted = false
        var line = 1
        var column = 1
        var fieldColumn = 1
        var rowLine = 1

        /// Takes one byte, seeing the one after it; returns whether it took that one too (the
        /// second quote of a doubled quote, or the LF of a CR LF that ends a row).
        mutating func take(_ byte: UInt8, next: UInt8?) -> Bool {
            if quoted {
                if byte == Self.quote {
                    if next == Self.quote {
                        current.append(Self.quote)
                        column += 2
                        return true
                    }
                    quoted = false
                    column += 1
                    return false
                }
                current.append(byte)
                if byte == Self.lineFeed || (byte == Self.carriageReturn && next != Self.lineFeed) {
                    line += 1
                    column = 1
                } else {
                    count(byte)
                }
                return false
            }
            switch byte {
            case Self.quote where current.isEmpty:
                quoted = true
                column += 1
            case Self.comma:
                finishField()
                fieldColumn = column + 1
                column += 1
            case Self.lineFeed, Self.carriageReturn:
                finishRow()
                line += 1
                rowLine = line
                column = 1
                fieldColumn = 1
                return byte == Self.carriageReturn && next == Self.lineFeed
            default:
                current.append(byte)
                count(byte)
            }
            return false
        }

        /// Counts a column for the first byte of each scalar; UTF-8 continuation bytes
        /// (`10xxxxxx`) belong to the scalar already counted.
        private mutating func count(_ byte: UInt8) {
            if byte & 0xC0 != 0x80 { column += 1 }
        }

        mutating func finish() -> [Row] {
            if !current.isEmpty || !fields.isEmpty { finishRow() }
            return rows
        }

        private mutating func finishField() {
            fields.append(Field(text: Self.trimmed(current), column: fieldColumn))
            current.removeAll(keepingCapacity: true)
        }

        private mutating func finishRow() {
            finishField()
            rows.append(Row(line: rowLine, fields: fields))
            fields = []
        }

        /// The field's text without surrounding white space; only a field that starts or ends
        /// with a control, a space or a non-ASCII byte needs the Unicode test.
        private static func trimmed(_ bytes: [UInt8]) -> String {
            guard let first = bytes.first, let last = bytes.last else { return "" }
            let text = String(decoding: bytes, as: UTF8.self)
            let plain: (UInt8) -> Bool = { $0 > 0x20 && $0 < 0x7F }
            return plain(first) && plain(last) ? text : text.trimmingWhitespace
        }
    }
}
