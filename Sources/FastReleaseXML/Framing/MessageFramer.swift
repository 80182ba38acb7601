#if canImport(Glibc)
    import Glibc
#endif

/// Cuts a byte stream into XML messages, one after another, without parsing them.
///
/// A light scanner follows tags, comments, processing instructions and CDATA, counting
/// element depth; a message ends when its root element closes. An XML declaration that does
/// not open a message starts a new one, so a truncated message does not swallow the next.
/// Text outside messages (other than white space) forms a frame of its own, which the parser
/// then refuses with its position. Memory is bounded: a message beyond `maxMessageBytes` is
/// skipped (its size reported), not held.
///
/// The scanner looks only at ASCII bytes, so UTF-8 and GB18030/GBK messages (whose
/// multi-byte characters never contain `<`, `>`, quotes or `?`) are cut correctly.
struct MessageFramer {
    /// A cut message.
    struct Frame {
        var bytes: [UInt8]
        var startLine: Int
        /// The message's full size, when it was larger than the limit and not kept.
        var oversizedBytes: Int?
    }

    private enum State {
        case outside, junk, text, angle, startTag, endTag, processing, bang, comment, cdata, doctype
    }

    let maxMessageBytes: Int
    private var state = State.outside
    private var depth = 0
    private var pending: [UInt8] = []
    private var discarded = 0  // > 0 while skipping an oversized message
    private var line = 1
    private var frameStartLine = 1
    private var frameLength = 0  // bytes of the current frame seen so far
    private var hasElement = false
    private var hasDeclaration = false
    private var startsWithByteOrderMark = false

    // Tag scanning state.
    private var quote: UInt8 = 0
    private var previous: UInt8 = 0
    private var run = 0  // consecutive `-` or `]` in comments and CDATA; bytes seen after `<?` or `<!`
    private var head: [UInt8] = []  // first bytes after `<?` or `<!`
    private var bracketDepth = 0
    private var angleOffset = 0  // frame offset of the last `<`
    private var angleLine = 1

    init(maxMessageBytes: Int) {
        self.maxMessageBytes = maxMessageBytes
    }

    /// Scans a chunk, calling `emit` for each message completed in it.
    ///
    /// Text and end tags, most of the bytes, are skipped with `memchr`; line feeds are counted
    /// only up to where a line number is needed (a message's start), also with `memchr`.
    mutating func feed(_ chunk: UnsafeRawBufferPointer, emit: (Frame) -> Void) {
        guard let base = chunk.baseAddress?.assumingMemoryBound(to: UInt8.self) else { return }
        let count = chunk.count
        var segmentStart = state == .outside ? -1 : 0
        var counted = 0  // line feeds before `counted` are in `line`
        func lineAt(_ index: Int) -> Int {
            line += Self.lineFeeds(base + counted, index - counted)
            counted = index
            return line
        }
        var index = 0
        while index < count {
            let byte = base[index]
            switch state {
            case .outside:
                if !XMLBytes.isSpace(byte) {
                    beginFrame(startLine: lineAt(index))
                    segmentStart = index
                    startsWithByteOrderMark = byte == 0xEF
                    state = byte == UInt8(ascii: "<") ? .angle : (byte == 0xEF ? .text : .junk)
                    if state == .angle { markAngle(at: index, segmentStart) }
                }
            case .junk:
                if byte == UInt8(ascii: "<") {
                    complete(chunk, segmentStart, upTo: index, emit: emit)
                    beginFrame(startLine: lineAt(index))
                    segmentStart = index
                    state = .angle
                    markAngle(at: index, segmentStart)
                }
            case .text:
                guard let found = memchr(base + index, Int32(UInt8(ascii: "<")), count - index) else {
                    index = count
                    continue
                }
                index = UnsafeRawPointer(found).assumingMemoryBound(to: UInt8.self) - base
                state = .angle
                markAngle(at: index, segmentStart)
            case .angle:
                switch byte {
                case UInt8(ascii: "?"):
                    head.removeAll(keepingCapacity: true)
                    state = .processing
                    previous = 0
                    angleLine = lineAt(max(counted, index - 1))
                case UInt8(ascii: "!"):
                    head.removeAll(keepingCapacity: true)
                    state = .bang
                case UInt8(ascii: "/"):
                    state = .endTag
                default:
                    state = .startTag
                    quote = 0
                    previous = byte
                }
            case .startTag:
                // Tight scan to the tag's `>`, stepping over quoted attribute values.
                var position = index
                var closed = false
                while position < count {
                    let current = base[position]
                    if quote != 0 {
                        guard let found = memchr(base + position, Int32(quote), count - position) else {
                            position = count
                            break
                        }
                        position = UnsafeRawPointer(found).assumingMemoryBound(to: UInt8.self) - base + 1
                        quote = 0
                        continue
                    }
                    if current == UInt8(ascii: ">") {
                        closed = true
                        break
                    }
                    if current == UInt8(ascii: "\"") || current == UInt8(ascii: "'") {
                        quote = current
                    } else {
                        previous = current
                    }
                    position += 1
                }
                guard closed else {
                    index = count
                    continue
                }
                index = position
                hasElement = true
                state = .text
                if previous != UInt8(ascii: "/") {
                    depth += 1
                } else if depth == 0 {
                    complete(chunk, segmentStart, upTo: index + 1, emit: emit)
                    segmentStart = -1
                }
            case .endTag:
                guard let found = memchr(base + index, Int32(UInt8(ascii: ">")), count - index) else {
                    index = count
                    continue
                }
                index = UnsafeRawPointer(found).assumingMemoryBound(to: UInt8.self) - base
                depth -= 1
                state = .text
                if depth <= 0 {
                    complete(chunk, segmentStart, upTo: index + 1, emit: emit)
                    segmentStart = -1
                }
            case .processing:
                if head.count < 4 {
                    head.append(byte)
                    if head.count == 4, head[0] == 0x78, head[1] == 0x6D, head[2] == 0x6C, XMLBytes.isSpace(head[3]) {
                        if startsNewMessage() {
                            split(chunk, segmentStart, at: index, emit: emit)
                            segmentStart = index + 1
                        }
                        hasDeclaration = true
                    }
                }
                if previous == UInt8(ascii: "?"), byte == UInt8(ascii: ">") { state = .text }
                previous = byte
            case .bang:
                head.append(byte)
                if head == [0x2D, 0x2D] {
                    state = .comment
                    run = 0
                } else if head.count == 7, head == Array("[CDATA[".utf8) {
                    state = .cdata
                    run = 0
                } else if head.count >= 7 || (head[0] != 0x2D && head[0] != UInt8(ascii: "[")) {
                    state = .doctype
                    bracketDepth = head.filter { $0 == UInt8(ascii: "[") }.count
                }
            case .comment:
                if byte == UInt8(ascii: ">"), run >= 2 { state = .text }
                run = byte == 0x2D ? run + 1 : 0
            case .cdata:
                if byte == UInt8(ascii: ">"), run >= 2 { state = .text }
                run = byte == UInt8(ascii: "]") ? run + 1 : 0
            case .doctype:
                if byte == UInt8(ascii: "[") { bracketDepth += 1 }
                if byte == UInt8(ascii: "]") { bracketDepth -= 1 }
                if byte == UInt8(ascii: ">"), bracketDepth <= 0 { state = .text }
            }
            index += 1
        }
        _ = lineAt(count)
        if segmentStart >= 0 { keep(chunk, from: segmentStart, to: count) }
    }

    /// How many line feeds the `count` bytes at `start` hold.
    private static func lineFeeds(_ start: UnsafePointer<UInt8>, _ count: Int) -> Int {
        var feeds = 0
        var cursor = UnsafeRawPointer(start)
        var left = count
        while left > 0, let found = memchr(cursor, 0x0A, left) {
            feeds += 1
            let next = UnsafeRawPointer(found) + 1
            left -= next - cursor
            cursor = next
        }
        return feeds
    }

    /// Ends the input: a message still open is emitted as it is (the parser reports where it stops).
    mutating func finish(emit: (Frame) -> Void) {
        guard state != .outside else { return }
        emitCurrent(emit)
        state = .outside
    }

    // MARK: Frames

    private mutating func beginFrame(startLine: Int) {
        pending.removeAll(keepingCapacity: true)
        discarded = 0
        frameLength = 0
        frameStartLine = startLine
        depth = 0
        hasElement = false
        hasDeclaration = false
        startsWithByteOrderMark = false
    }

    private mutating func markAngle(at index: Int, _ segmentStart: Int) {
        angleOffset = frameLength + (index - segmentStart)
    }

    /// An XML declaration starts a new message unless it is the first thing of this one.
    private func startsNewMessage() -> Bool {
        angleOffset > (startsWithByteOrderMark ? 3 : 0)
    }

    private mutating func keep(_ chunk: UnsafeRawBufferPointer, from start: Int, to end: Int) {
        guard end > start else { return }
        frameLength += end - start
        if discarded > 0 || frameLength > maxMessageBytes {
            discarded = frameLength
            pending.removeAll()
        } else {
            pending.append(contentsOf: UnsafeRawBufferPointer(rebasing: chunk[start..<end]))
        }
    }

    private mutating func complete(
        _ chunk: UnsafeRawBufferPointer, _ segmentStart: Int, upTo end: Int, emit: (Frame) -> Void
    ) {
        keep(chunk, from: segmentStart, to: end)
        emitCurrent(emit)
        state = .outside
    }

    private mutating func split(
        _ chunk: UnsafeRawBufferPointer, _ segmentStart: Int, at index: Int, emit: (Frame) -> Void
    ) {
        keep(chunk, from: segmentStart, to: index + 1)
        let previousFrame = discarded > 0 ? [] : Array(pending.prefix(angleOffset))
        let wasOversized = discarded > 0
        let nextLine = angleLine
        if wasOversized {
            emit(Frame(bytes: [], startLine: frameStartLine, oversizedBytes: discarded))
        } else if hasElement || hasDeclaration || !previousFrame.isEmpty && !isOnlyComments(previousFrame) {
            emit(Frame(bytes: previousFrame, startLine: frameStartLine, oversizedBytes: nil))
        }
        beginFrame(startLine: nextLine)
        pending = Array("<?".utf8) + head
        frameLength = pending.count
        angleOffset = 0
    }

    private mutating func emitCurrent(_ emit: (Frame) -> Void) {
        if discarded > 0 {
            emit(Frame(bytes: [], startLine: frameStartLine, oversizedBytes: discarded))
        } else if hasElement || hasDeclaration || !isOnlyComments(pending) {
            emit(Frame(bytes: pending, startLine: frameStartLine, oversizedBytes: nil))
        }
        pending.removeAll(keepingCapacity: true)
        discarded = 0
    }

    /// Whether a frame with no element holds only comments and white space (dropped silently).
    private func isOnlyComments(_ bytes: [UInt8]) -> Bool {
        var rest = bytes[...]
        while let first = rest.first {
            if XMLBytes.isSpace(first) {
                rest = rest.dropFirst()
            } else if rest.starts(with: [0xEF, 0xBB, 0xBF]) {
                rest = rest.dropFirst(3)
            } else if rest.starts(with: Array("<!--".utf8)), let end = rest.firstRange(of: Array("-->".utf8)) {
                rest = rest[end.upperBound...]
            } else {
                return false
            }
        }
        return true
    }
}
