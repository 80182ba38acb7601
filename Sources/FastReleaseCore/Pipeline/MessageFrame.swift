/// The bytes of one message, cut from an input stream, in input order.
public struct MessageFrame: Sendable {
    /// The input's name: a file path, or `-` for standard input.
    public var source: String
    /// The message's place among all messages of the run, from 0.
    public var sequence: Int
    /// The message's bytes, from its first byte (or byte-order mark) to the end of its root element.
    public var bytes: [UInt8]
    /// The line of the input on which the message starts.
    public var startLine: Int
    /// A problem found while framing (too large, unreadable, unsupported encoding): the
    /// message is not decoded and this error is reported instead.
    public var problem: DeclarationError?
    /// The bytes are a whole input that was not cut into messages (a file read in one piece):
    /// most hold one message, but the decoder must cut them when they hold more.
    public var isWholeInput: Bool

    /// Creates a frame.
    public init(
        source: String, sequence: Int, bytes: [UInt8], startLine: Int, problem: DeclarationError? = nil,
        isWholeInput: Bool = false
    ) {
        self.source = source
        self.sequence = sequence
        self.bytes = bytes
        self.startLine = startLine
        self.problem = problem
        self.isWholeInput = isWholeInput
    }
}
