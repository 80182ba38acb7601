import FastReleaseCore

/// Turns the parse events of one message format into declarations.
///
/// One decoder per format and worker; `begin` starts each message. Decoders append
/// records to the ``DecodeContext`` and may stop the parse through it. Adding a format means
/// writing one type that conforms to this protocol and listing it in ``FormatRegistry``
/// (see `docs/architecture.md`).
protocol FormatDecoder: AnyObject {
    /// The local name of the element that holds one declaration (CEB `Inventory`), used to
    /// resume after a broken declaration.
    var declarationElement: String { get }

    /// A message of this format starts; `root` is its root element.
    func begin(root: UnsafePointer<UInt8>, attributes: SAXAttributes, context: DecodeContext)

    /// An element below the root starts (`depth` 2 is a child of the root).
    func startElement(
        _ name: UnsafePointer<UInt8>, namespace: UnsafePointer<UInt8>?, depth: Int, attributes: SAXAttributes)

    /// An element ends (the root too, at `depth` 1); `text` is its own text content.
    func endElement(
        _ name: UnsafePointer<UInt8>, namespace: UnsafePointer<UInt8>?, depth: Int, text: UnsafeRawBufferPointer)

    /// How many declaration elements the current message has started so far.
    var declarationsStarted: Int { get }

    /// The parse stopped on `error`: emit it, naming the declaration being read, if any,
    /// and forget that declaration.
    func abandon(_ error: DeclarationError)

    /// Calls ``startElement(_:namespace:depth:attributes:)`` of the decoder of this type that
    /// `decoder` points to, without retaining it. The session reaches the decoder of the
    /// message this way on every event: through its type (a metatype, which is not reference
    /// counted) and a pointer, where a call through `any FormatDecoder` would retain and
    /// release the decoder each time. The default implementation is the one to use.
    static func deliverStart(
        to decoder: UnsafeMutableRawPointer, _ name: UnsafePointer<UInt8>, namespace: UnsafePointer<UInt8>?,
        depth: Int, attributes: SAXAttributes)

    /// Calls ``endElement(_:namespace:depth:text:)`` the same way as
    /// ``deliverStart(to:_:namespace:depth:attributes:)``.
    static func deliverEnd(
        to decoder: UnsafeMutableRawPointer, _ name: UnsafePointer<UInt8>, namespace: UnsafePointer<UInt8>?,
        depth: Int, text: UnsafeRawBufferPointer)
}

extension FormatDecoder {
    static func deliverStart(
        to decoder: UnsafeMutableRawPointer, _ name: UnsafePointer<UInt8>, namespace: UnsafePointer<UInt8>?,
        depth: Int, attributes: SAXAttributes
    ) {
        Unmanaged<Self>.fromOpaque(decoder)._withUnsafeGuaranteedRef {
            $0.startElement(name, namespace: namespace, depth: depth, attributes: attributes)
        }
    }

    static func deliverEnd(
        to decoder: UnsafeMutableRawPointer, _ name: UnsafePointer<UInt8>, namespace: UnsafePointer<UInt8>?,
        depth: Int, text: UnsafeRawBufferPointer
    ) {
        Unmanaged<Self>.fromOpaque(decoder)._withUnsafeGuaranteedRef {
            $0.endElement(name, namespace: namespace, depth: depth, text: text)
        }
    }
}
