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
}
