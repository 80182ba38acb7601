/// A place in an input: its name and a 1-based line and column.
public struct SourcePosition: Sendable, Hashable, Codable, CustomStringConvertible {
    /// The input's name: a file path, or `-` for standard input.
    public var source: String
    /// The 1-based line.
    public var line: Int
    /// The 1-based column, or 0 when not known.
    public var column: Int

    /// Creates a position.
    public init(source: String, line: Int, column: Int) {
        self.source = source
        self.line = line
        self.column = column
    }

    /// `source:line:column`.
    public var description: String { "\(source):\(line):\(column)" }
}
