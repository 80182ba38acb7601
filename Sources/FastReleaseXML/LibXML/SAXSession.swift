internal import CLibXML2
import FastReleaseCore
import Foundation

/// One libxml2 push parser with a SAX2 handler, reused message after message.
///
/// The session owns its C parser context and must stay on one thread at a time (one per
/// worker). It tracks depth and element text, enforces the ``XMLLimits``, picks the format
/// decoder from the root element and forwards events to it.
final class SAXSession {
    let context: DecodeContext
    private let registry: FormatRegistry
    /// The push parser, reset for each message and replaced when its name dictionary has grown
    /// past ``dictionaryBudget``.
    private var parser: xmlParserCtxtPtr
    private let handler: UnsafeMutablePointer<xmlSAXHandler>
    private var decoders: [String: any FormatDecoder] = [:]
    /// The decoder of the message being read, as every event reaches it without reference
    /// counting: its type and an unretained pointer to it
    /// (``FormatDecoder/deliverStart(to:_:namespace:depth:attributes:)``). `decoders` keeps it
    /// alive.
    @exclusivity(unchecked) private var eventTarget: (type: any FormatDecoder.Type, object: UnsafeMutableRawPointer)?

    // `@exclusivity(unchecked)`: one thread's, one SAX event at a time
    // (docs/architecture.md, "No runtime access checks on the hot path").
    @exclusivity(unchecked) private var depth = 0
    @exclusivity(unchecked) private var text: UnsafeMutablePointer<UInt8>
    @exclusivity(unchecked) private var textCount = 0
    @exclusivity(unchecked) private var textCapacity = 4096

    /// The format of the message being read, once its root is known.
    private(set) var format: MessageFormat?
    /// The root element's qualified name (`prefix:name`), kept for ``endsWithRootEndTag(_:)``.
    @exclusivity(unchecked) private var rootQualifiedName: [UInt8] = []

    init(limits: XMLLimits, registry: FormatRegistry) {
        LibXML.initialize()
        context = DecodeContext(limits: limits)
        self.registry = registry
        handler = .allocate(capacity: 1)
        handler.initialize(to: xmlSAXHandler())
        handler.pointee.initialized = UInt32(XML_SAX2_MAGIC)
        handler.pointee.startElementNs = saxStartElement
        handler.pointee.endElementNs = saxEndElement
        handler.pointee.characters = saxCharacters
        handler.pointee.serror = saxError
        handler.pointee.internalSubset = saxDoctype
        handler.pointee.externalSubset = saxDoctype
        text = .allocate(capacity: textCapacity)
        parser = xmlCreatePushParserCtxt(handler, nil, nil, 0, nil)!
    }

    /// How many bytes of interned names a parser may hold before the next message gets a new
    /// parser. libxml2 keeps every element name, prefix and namespace a parser has seen, across
    /// `xmlCtxtResetPush`, and without `XML_PARSE_HUGE` refuses new names once its dictionary
    /// passes `XML_MAX_DICTIONARY_LIMIT` (10 MB; in 2.9 the last pool makes it about 22 MB), after
    /// which any message with a name that parser has not seen fails as "Memory allocation
    /// failed". Ordinary messages use a few hundred names (a few KB), so a budget of 1 MiB
    /// replaces a parser only when a stream of new names would otherwise fill it.
    static let dictionaryBudget = 1 << 20

    /// A new parser in place of one whose dictionary is past the budget. The decoders' tables of
    /// interned names see a new ``DecodeContext/parserGeneration`` and forget every address:
    /// the new dictionary may be allocated where the old one was.
    private func replaceParserIfItsDictionaryIsFull() {
        guard xmlDictGetUsage(parser.pointee.dict) > Self.dictionaryBudget else { return }
        xmlFreeParserCtxt(parser)
        parser = xmlCreatePushParserCtxt(handler, nil, nil, 0, nil)!
        context.parserGeneration += 1
    }

    deinit {
        xmlFreeParserCtxt(parser)
        handler.deallocate()
        text.deallocate()
    }

    /// The format decoder used for the last message.
    var decoder: (any FormatDecoder)? { format.flatMap { decoders[$0.name] } }

    /// Parses one complete message. Records go to `context.records`; a parse error is left in
    /// `context.stopError` after the decoder has been told of it.
    func parse(_ bytes: UnsafeRawBufferPointer, source: String, lineOffset: Int, keepMessageID: Bool) {
        depth = 0
        textCount = 0
        format = nil
        eventTarget = nil
        rootQualifiedName.removeAll(keepingCapacity: true)
        replaceParserIfItsDictionaryIsFull()
        let head = min(4, bytes.count)
        let base = bytes.baseAddress?.assumingMemoryBound(to: CChar.self)
        xmlCtxtResetPush(parser, base, Int32(head), nil, nil)
        xmlCtxtUseOptions(parser, LibXML.parseOptions)
        parser.pointee.userData = Unmanaged.passUnretained(self).toOpaque()
        context.reset(source: source, lineOffset: lineOffset, parser: parser, keepMessageID: keepMessageID)
        xmlParseChunk(parser, base.map { $0 + head }, Int32(bytes.count - head), 1)
        if context.stopError == nil, format == nil {
            context.parserFailed(
                DeclarationError(
                    code: .malformedXML, position: context.position, messageID: context.messageID,
                    reason: "the message has no root element; send one XML message"))
        }
        if let error = context.stopError {
            if let decoder {
                decoder.abandon(error)
            } else {
                context.emit(error)
            }
        }
    }

    /// Whether the last markup in `bytes` (trailing white space aside) is the end tag of the
    /// root just parsed: `</` the root's qualified name, optional white space, `>`.
    func endsWithRootEndTag(_ bytes: UnsafeRawBufferPointer) -> Bool {
        var end = bytes.count
        while end > 0, XMLBytes.isSpace(bytes[end - 1]) { end -= 1 }
        guard end > 0, bytes[end - 1] == UInt8(ascii: ">") else { return false }
        end -= 1
        while end > 0, XMLBytes.isSpace(bytes[end - 1]) { end -= 1 }
        let name = rootQualifiedName.count
        guard !rootQualifiedName.isEmpty, end >= name + 2 else { return false }
        for offset in 0..<name where bytes[end - name + offset] != rootQualifiedName[offset] { return false }
        return bytes[end - name - 2] == UInt8(ascii: "<") && bytes[end - name - 1] == UInt8(ascii: "/")
    }

    // MARK: Events

    fileprivate func startElement(
        _ name: UnsafePointer<UInt8>, prefix: UnsafePointer<UInt8>?, namespace: UnsafePointer<UInt8>?,
        attributes: SAXAttributes
    ) {
        depth += 1
        textCount = 0
        if depth > context.limits.maxDepth {
            context.stop(
                .limitExceeded, "elements nest deeper than the limit of \(context.limits.maxDepth); flatten the message"
            )
            return
        }
        if depth == 1 {
            rootQualifiedName.removeAll(keepingCapacity: true)
            if let prefix {
                rootQualifiedName.append(contentsOf: UnsafeBufferPointer(start: prefix, count: strlen(prefix)))
                rootQualifiedName.append(UInt8(ascii: ":"))
            }
            rootQualifiedName.append(contentsOf: UnsafeBufferPointer(start: name, count: strlen(name)))
            beginMessage(root: name, namespace: namespace, attributes: attributes)
        } else {
            if let (type, object) = eventTarget {
                type.deliverStart(to: object, name, namespace: namespace, depth: depth, attributes: attributes)
            }
        }
    }

    fileprivate func endElement(_ name: UnsafePointer<UInt8>, namespace: UnsafePointer<UInt8>?) {
        if let (type, object) = eventTarget {
            type.deliverEnd(
                to: object, name, namespace: namespace, depth: depth,
                text: UnsafeRawBufferPointer(start: text, count: textCount))
        }
        textCount = 0
        depth -= 1
    }

    fileprivate func characters(_ bytes: UnsafePointer<UInt8>, count: Int) {
        let needed = textCount + count
        if needed > textCapacity {
            guard needed <= context.limits.maxTextBytes else {
                context.stop(
                    .limitExceeded, "an element's text is longer than the limit of \(context.limits.maxTextBytes) bytes"
                )
                return
            }
            let grown = UnsafeMutablePointer<UInt8>.allocate(
                capacity: min(max(needed, textCapacity * 2), context.limits.maxTextBytes))
            grown.update(from: text, count: textCount)
            text.deallocate()
            text = grown
            textCapacity = min(max(needed, textCapacity * 2), context.limits.maxTextBytes)
        }
        (text + textCount).update(from: bytes, count: count)
        textCount = needed
    }

    fileprivate func doctype() {
        context.stop(
            .doctypeRefused,
            "DOCTYPE declarations are refused: FastRelease reads no DTDs and expands no entities; remove the DOCTYPE")
    }

    fileprivate func failed(_ error: xmlError) {
        guard error.level.rawValue >= XML_ERR_ERROR.rawValue else { return }
        let message =
            error.message.map { String(cString: $0) }?.trimmingCharacters(in: .whitespacesAndNewlines)
            ?? "unknown error"
        let code: DeclarationError.Code
        let advice: String
        switch Int(error.code) {
        case Int(XML_ERR_UNSUPPORTED_ENCODING.rawValue), Int(XML_ERR_INVALID_ENCODING.rawValue),
            Int(XML_ERR_INVALID_CHAR.rawValue):
            code = .unsupportedEncoding
            advice =
                "send UTF-8 (with or without a byte-order mark) or GB18030/GBK, and declare the encoding the bytes really use"
        case Int(XML_ERR_UNDECLARED_ENTITY.rawValue), Int(XML_WAR_UNDECLARED_ENTITY.rawValue):
            code = .doctypeRefused
            advice =
                "entity references other than &lt; &gt; &amp; &quot; &apos; are refused; write the character or a character reference"
        default:
            code = .malformedXML
            advice = "the message is not well-formed XML; fix it and send it again"
        }
        let position = SourcePosition(
            source: context.source, line: context.inputLine(Int(error.line)), column: Int(error.int2))
        context.parserFailed(
            DeclarationError(
                code: code, position: position, messageID: context.messageID, reason: "\(message) (\(advice))"))
    }

    private func beginMessage(root: UnsafePointer<UInt8>, namespace: UnsafePointer<UInt8>?, attributes: SAXAttributes) {
        let rootName = String(cString: root)
        switch registry.verdict(root: rootName, namespace: namespace.map { String(cString: $0) }) {
        case .refuse(let code, let reason):
            context.stop(code, reason)
        case .decode(let format):
            self.format = format
            let decoder = decoders[format.name] ?? format.makeDecoder()
            decoders[format.name] = decoder
            eventTarget = (type(of: decoder), Unmanaged.passUnretained(decoder as AnyObject).toOpaque())
            decoder.begin(root: root, attributes: attributes, context: context)
        }
    }
}

@available(*, unavailable, message: "a SAXSession owns a libxml2 parser context; keep it on one worker")
extension SAXSession: Sendable {}

// MARK: - C callbacks

/// Calls `body` with the session a callback's context points to, without retaining it: the
/// session outlives its parser, which only calls back from inside ``SAXSession/parse``.
@inline(__always)
private func withSession(_ context: UnsafeMutableRawPointer?, _ body: (SAXSession) -> Void) {
    Unmanaged<SAXSession>.fromOpaque(context!)._withUnsafeGuaranteedRef(body)
}

private let saxStartElement: startElementNsSAX2Func = {
    context, name, prefix, namespace, _, _, attributeCount, _, attributes in
    guard let name else { return }
    withSession(context) {
        $0.startElement(
            name, prefix: prefix, namespace: namespace,
            attributes: SAXAttributes(pointer: attributes, count: Int(attributeCount)))
    }
}

private let saxEndElement: endElementNsSAX2Func = { context, name, _, namespace in
    guard let name else { return }
    withSession(context) { $0.endElement(name, namespace: namespace) }
}

private let saxCharacters: charactersSAXFunc = { context, bytes, count in
    guard let bytes, count > 0 else { return }
    withSession(context) { $0.characters(bytes, count: Int(count)) }
}

private let saxDoctype: internalSubsetSAXFunc = { context, _, _, _ in
    withSession(context) { $0.doctype() }
}

private let saxError: xmlStructuredErrorFunc = { context, error in
    guard let context, let error else { return }
    withSession(context) { $0.failed(error.pointee) }
}
