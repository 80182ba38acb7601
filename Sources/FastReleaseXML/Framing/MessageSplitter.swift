public import FastReleaseCore

/// Cuts one input's bytes, given in pieces of any size, into numbered message frames.
///
/// The service feeds it request body chunks; ``InputFrameSource`` feeds it file reads. A
/// message larger than the limit, or an input in UTF-16, becomes a frame with a `problem`.
///
/// ```swift
/// var splitter = MessageSplitter(source: "request", limits: XMLLimits())
/// for chunk in chunks { frames += chunk.withUnsafeBytes { splitter.feed($0) } }
/// frames += splitter.finish()
/// ```
public struct MessageSplitter {
    /// The input's name, given to every frame.
    public let source: String
    /// The sequence number the next frame gets.
    public private(set) var nextSequence: Int
    private let limits: XMLLimits
    private var framer: MessageFramer
    private var atStart = true
    private var refused = false
    /// The input's first bytes while fewer than the encoding check needs have come.
    private var head: [UInt8] = []
    /// Bytes that tell an unsupported encoding (``XMLMessageDecoder/unsupportedEncoding(_:)``).
    private static let headBytes = 2

    /// Creates a splitter for one input.
    public init(source: String, limits: XMLLimits = XMLLimits(), firstSequence: Int = 0) {
        self.source = source
        self.limits = limits
        nextSequence = firstSequence
        framer = MessageFramer(maxMessageBytes: limits.maxMessageBytes)
    }

    /// Scans the next bytes and returns the messages they complete.
    public mutating func feed(_ bytes: UnsafeRawBufferPointer) -> [MessageFrame] {
        guard !refused, !bytes.isEmpty else { return [] }
        guard atStart else { return cut(bytes) }
        // The encoding is told by the first bytes, however the input is cut into pieces: a first
        // piece too short to tell is held until the next (or the end).
        if head.isEmpty, bytes.count >= Self.headBytes { return start(bytes) }
        head.append(contentsOf: bytes)
        guard head.count >= Self.headBytes else { return [] }
        return startWithHead()
    }

    /// Ends the input: returns a message left open, as it is (the parser reports where it stops).
    public mutating func finish() -> [MessageFrame] {
        var frames: [MessageFrame] = []
        if atStart, !head.isEmpty { frames = startWithHead() }
        guard !refused else { return frames }
        var cuts: [MessageFramer.Frame] = []
        framer.finish { cuts.append($0) }
        return frames + cuts.map { frame($0) }
    }

    /// Checks the encoding on the input's first bytes, then scans them.
    private mutating func start(_ bytes: UnsafeRawBufferPointer) -> [MessageFrame] {
        atStart = false
        if let encoding = XMLMessageDecoder.unsupportedEncoding(Array(bytes.prefix(4))) {
            refused = true
            let reason = "\(source) is \(encoding), which FastRelease does not read; send UTF-8 or GB18030"
            return [problem(.unsupportedEncoding, line: 1, reason)]
        }
        return cut(bytes)
    }

    private mutating func startWithHead() -> [MessageFrame] {
        let bytes = head
        head = []
        return bytes.withUnsafeBytes { start($0) }
    }

    private mutating func cut(_ bytes: UnsafeRawBufferPointer) -> [MessageFrame] {
        var cuts: [MessageFramer.Frame] = []
        framer.feed(bytes) { cuts.append($0) }
        return cuts.map { frame($0) }
    }

    /// A frame that reports a problem instead of carrying a message.
    public mutating func problem(_ code: DeclarationError.Code, line: Int, _ reason: String) -> MessageFrame {
        defer { nextSequence += 1 }
        let error = DeclarationError(
            code: code, position: SourcePosition(source: source, line: line, column: 0), reason: reason)
        return MessageFrame(source: source, sequence: nextSequence, bytes: [], startLine: line, problem: error)
    }

    private mutating func frame(_ cut: MessageFramer.Frame) -> MessageFrame {
        if let size = cut.oversizedBytes {
            let reason =
                "the message is \(size) bytes, more than the limit of \(limits.maxMessageBytes); split it into smaller messages"
            return problem(.limitExceeded, line: cut.startLine, reason)
        }
        defer { nextSequence += 1 }
        return MessageFrame(source: source, sequence: nextSequence, bytes: cut.bytes, startLine: cut.startLine)
    }
}
