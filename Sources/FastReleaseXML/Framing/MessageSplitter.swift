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
        var frames: [MessageFrame] = []
        if atStart {
            atStart = false
            if let encoding = XMLMessageDecoder.unsupportedEncoding(Array(bytes.prefix(4))) {
                refused = true
                let reason = "\(source) is \(encoding), which FastRelease does not read; send UTF-8 or GB18030"
                return [problem(.unsupportedEncoding, line: 1, reason)]
            }
        }
        var cuts: [MessageFramer.Frame] = []
        framer.feed(bytes) { cuts.append($0) }
        for cut in cuts { frames.append(frame(cut)) }
        return frames
    }

    /// Ends the input: returns a message left open, as it is (the parser reports where it stops).
    public mutating func finish() -> [MessageFrame] {
        guard !refused else { return [] }
        var cuts: [MessageFramer.Frame] = []
        framer.finish { cuts.append($0) }
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
