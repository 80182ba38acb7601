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

    /// Creates a frame.
    public init(source: String, sequence: Int, bytes: [UInt8], startLine: Int, problem: DeclarationError? = nil) {
        self.source = source
        self.sequence = sequence
        self.bytes = bytes
        self.startLine = startLine
        self.problem = problem
    }
}

/// Hands out the messages of an input, one at a time, on one thread.
public protocol FrameSource {
    /// The next message, or `nil` when the input is exhausted. Read errors come back as
    /// frames with a `problem`, so that the other inputs go on.
    mutating func next() -> MessageFrame?
}

/// What a decoder makes of a message: declarations, and error records for what it could not read.
public enum DecodedRecord: Sendable {
    /// A declaration, with the microseconds spent decoding it.
    case declaration(Declaration, decodeMicroseconds: Double)
    /// A declaration or message that could not be read.
    case error(DeclarationError)
}

/// Decodes messages into declarations. Keeps parser state: make one per worker.
public protocol MessageDecoder: AnyObject {
    /// Appends the records of one message to `records`, in document order.
    func decode(_ frame: MessageFrame, into records: inout [DecodedRecord])
}

/// Where encoded output goes.
public protocol ByteSink: Sendable {
    /// Writes bytes, in the order of calls.
    func write(_ bytes: [UInt8]) throws
}
