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
    /// The bytes are a whole input that was not cut into messages (a file read in one piece, a
    /// request body): most hold one message; what the decoder does with one that holds more is
    /// ``severalMessages``.
    public var isWholeInput: Bool
    /// What the decoder does with a whole input that does not parse as one message.
    public var severalMessages: SeveralMessages

    /// What the decoder does with a whole input (``isWholeInput``) that does not parse as one
    /// message: it holds more than one, or it has an error after which the decoder would
    /// resume at the next declaration.
    public enum SeveralMessages: Sendable {
        /// Cut it into messages and decode each, one after another (the command line's files).
        case cut
        /// Decode nothing, and say so with ``MessageDecoder/messagesInLastFrame`` 0: the caller
        /// cuts it and hands in each message on its own (the service, which admits and decides
        /// the messages of a request one by one, in parallel).
        case leave
    }

    /// Creates a frame.
    public init(
        source: String, sequence: Int, bytes: [UInt8], startLine: Int, problem: DeclarationError? = nil,
        isWholeInput: Bool = false, severalMessages: SeveralMessages = .cut
    ) {
        self.source = source
        self.sequence = sequence
        self.bytes = bytes
        self.startLine = startLine
        self.problem = problem
        self.isWholeInput = isWholeInput
        self.severalMessages = severalMessages
    }
}
