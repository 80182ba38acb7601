internal import CLibXML2
import FastReleaseCore

/// What a format decoder needs while it reads one message: where it is, where records go,
/// the limits, and a way to stop the parse.
///
/// Used by one session on one thread: the fields written for every declaration are
/// `@exclusivity(unchecked)` (docs/architecture.md, "No runtime access checks on the hot path").
final class DecodeContext {
    let limits: XMLLimits
    /// The input's name.
    private(set) var source = ""
    /// The carrying message's identifier, once the decoder has read it.
    @exclusivity(unchecked) var messageID = ""
    /// Records made so far for this message.
    @exclusivity(unchecked) var records: [DecodedRecord] = []
    /// The parse error that stopped the message, if any.
    private(set) var stopError: DeclarationError?

    private var parser: xmlParserCtxtPtr?
    /// Maps parser lines to input lines: input line = parser line + `lineOffset`.
    private var lineOffset = 0

    init(limits: XMLLimits) {
        self.limits = limits
    }

    func reset(source: String, lineOffset: Int, parser: xmlParserCtxtPtr?, keepMessageID: Bool) {
        self.source = source
        self.lineOffset = lineOffset
        self.parser = parser
        stopError = nil
        if !keepMessageID { messageID = "" }
    }

    /// The dictionary the parser interns element names in (``InternedNames``).
    var nameDictionary: UnsafeRawPointer? { parser.map { UnsafeRawPointer($0.pointee.dict) } }
    /// Counts the session's parsers: a new parser's dictionary is a new one even at the address
    /// of the one freed before it.
    var parserGeneration = 0

    /// The parser's current place in the input.
    var position: SourcePosition {
        SourcePosition(
            source: source, line: Int(fastrelease_parserLine(parser)) + lineOffset,
            column: Int(fastrelease_parserColumn(parser)))
    }

    /// Maps a line reported by the parser to the input's line.
    func inputLine(_ parserLine: Int) -> Int { parserLine + lineOffset }

    /// Records a finished declaration, moving it out of the decoder (which starts the next one
    /// afresh) rather than copying every field.
    func emit(taking declaration: inout Declaration, decodeMicroseconds: Double) {
        var finished = Declaration(
            format: "", direction: .import, position: SourcePosition(source: "", line: 0, column: 0))
        swap(&finished, &declaration)
        records.append(.declaration(finished, decodeMicroseconds: decodeMicroseconds))
    }

    func emit(_ error: DeclarationError) {
        records.append(.error(error))
    }

    /// Stops the parse with an error; the session reports it through the decoder.
    func stop(_ code: DeclarationError.Code, _ reason: String, at position: SourcePosition? = nil) {
        guard stopError == nil else { return }
        stopError = DeclarationError(
            code: code, position: position ?? self.position, messageID: messageID, reason: reason)
        if let parser { xmlStopParser(parser) }
    }

    /// Records an error the parser raised, unless one is recorded already.
    func parserFailed(_ error: DeclarationError) {
        guard stopError == nil else { return }
        stopError = error
        if let parser { xmlStopParser(parser) }
    }
}
