public import FastReleaseCore

/// Decodes XML messages of any format in ``FormatRegistry`` into declarations: the
/// ``MessageDecoder`` the pipeline runs, one per worker.
///
/// A message whose declaration `k` is broken still yields its other declarations: after the
/// parse stops, decoding resumes at the next declaration element, behind a copy of the
/// message's prolog and root start tag (see ``ResumePoint``).
///
/// ```swift
/// let decoder = XMLMessageDecoder()
/// var records: [DecodedRecord] = []
/// decoder.decode(frame, into: &records)
/// ```
public final class XMLMessageDecoder: MessageDecoder {
    private let session: SAXSession

    /// Creates a decoder with the given limits.
    public init(limits: XMLLimits = XMLLimits()) {
        session = SAXSession(limits: limits, registry: .standard)
    }

    public private(set) var messagesInLastFrame = 1

    public func decode(_ frame: MessageFrame, into records: inout [DecodedRecord]) {
        messagesInLastFrame = 1
        if frame.isWholeInput {
            if decodeWholeInput(frame, into: &records) { return }
            if frame.severalMessages == .leave {
                messagesInLastFrame = 0
                return
            }
            var splitter = MessageSplitter(source: frame.source, limits: session.context.limits)
            let messages = frame.bytes.withUnsafeBytes { splitter.feed($0) } + splitter.finish()
            for var message in messages {
                message.startLine += frame.startLine - 1
                if var problem = message.problem {
                    problem.position.line += frame.startLine - 1
                    records.append(.error(problem))
                    continue
                }
                decodeMessage(message, into: &records)
            }
            messagesInLastFrame = messages.count
            return
        }
        decodeMessage(frame, into: &records)
    }

    /// Decodes a whole input as one message, which it is when it parses without an error and
    /// ends with the end tag of its root (after the root only comments, processing instructions
    /// and white space may follow, and none of them ends so). `false`, with nothing added, when
    /// it is not: the caller then cuts it into messages as a stream would be.
    private func decodeWholeInput(_ frame: MessageFrame, into records: inout [DecodedRecord]) -> Bool {
        let context = session.context
        context.records.removeAll(keepingCapacity: true)
        guard Self.unsupportedEncoding(frame.bytes) == nil else { return false }
        let whole = frame.bytes.withUnsafeBytes { bytes in
            session.parse(bytes, source: frame.source, lineOffset: frame.startLine - 1, keepMessageID: false)
            return context.stopError == nil && session.endsWithRootEndTag(bytes)
        }
        guard whole else { return false }
        handOver(into: &records)
        return true
    }

    private func decodeMessage(_ frame: MessageFrame, into records: inout [DecodedRecord]) {
        let context = session.context
        context.records.removeAll(keepingCapacity: true)
        defer { handOver(into: &records) }
        if let encoding = Self.unsupportedEncoding(frame.bytes) {
            context.emit(
                DeclarationError(
                    code: .unsupportedEncoding,
                    position: SourcePosition(source: frame.source, line: frame.startLine, column: 1),
                    reason: "the message is \(encoding), which FastRelease does not read; send UTF-8 or GB18030"))
            return
        }
        frame.bytes.withUnsafeBytes { bytes in
            session.parse(bytes, source: frame.source, lineOffset: frame.startLine - 1, keepMessageID: false)
            resumeAfterErrors(bytes, frame: frame)
        }
    }

    /// Adds the records the session made to `records`, without copying them when the caller's
    /// list is empty.
    private func handOver(into records: inout [DecodedRecord]) {
        let context = session.context
        if records.isEmpty { swap(&records, &context.records) } else { records += context.records }
    }

    /// While a parse stopped on a well-formedness error inside the message body, parse again
    /// from the next declaration. Limits, DOCTYPEs and refused messages end the message.
    private func resumeAfterErrors(_ bytes: UnsafeRawBufferPointer, frame: MessageFrame) {
        let context = session.context
        guard context.stopError?.code == .malformedXML, let decoder = session.decoder,
            let rootEnd = ResumePoint.endOfRootStartTag(bytes)
        else { return }
        var searchFrom = rootEnd
        var skip = decoder.declarationsStarted
        var lastError = context.stopError
        while context.stopError?.code == .malformedXML,
            let resume = ResumePoint.declarationStart(
                named: decoder.declarationElement, in: bytes, from: searchFrom, skipping: skip)
        {
            var document = [UInt8](UnsafeRawBufferPointer(rebasing: bytes[..<rootEnd]))
            document += UnsafeRawBufferPointer(rebasing: bytes[resume...])
            let skippedLines = ResumePoint.newlines(in: UnsafeRawBufferPointer(rebasing: bytes[rootEnd..<resume]))
            let before = context.records
            context.records = []
            document.withUnsafeBytes { copy in
                session.parse(
                    copy, source: frame.source, lineOffset: frame.startLine - 1 + skippedLines, keepMessageID: true)
            }
            context.records =
                before
                + context.records.filter { record in
                    // The same break can be reached twice (a broken start tag of a declaration).
                    if case .error(let error) = record, error == lastError { return false }
                    return true
                }
            lastError = context.stopError ?? lastError
            searchFrom = resume
            skip = max(session.decoder?.declarationsStarted ?? 0, 1)
        }
    }

    /// The name of an encoding the framer cannot cut reliably (UTF-16 and UTF-32), if the bytes use one.
    static func unsupportedEncoding(_ bytes: [UInt8]) -> String? {
        guard bytes.count >= 2 else { return nil }
        switch (bytes[0], bytes[1]) {
        case (0xFF, 0xFE), (0xFE, 0xFF): return "UTF-16 (byte-order mark)"
        case (0x3C, 0x00), (0x00, 0x3C): return "UTF-16 or UTF-32"
        case (0x00, 0x00): return "UTF-32"
        default: return nil
        }
    }
}

@available(*, unavailable, message: "an XMLMessageDecoder owns a libxml2 parser; make one per worker")
extension XMLMessageDecoder: Sendable {}
