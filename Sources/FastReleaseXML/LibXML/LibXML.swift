internal import CLibXML2

/// One-time libxml2 set-up, done before any parser is made on any thread.
enum LibXML {
    /// Calls `xmlInitParser()` exactly once (a Swift global is initialised once, thread-safely).
    static func initialize() {
        _ = initialized
    }

    private static let initialized: Bool = {
        xmlInitParser()
        return true
    }()

    /// Parser options: no network, CDATA as text. Never `NOENT` (substitutes entities),
    /// `DTDLOAD` (loads external DTDs) or `HUGE` (lifts the built-in size limits).
    static let parseOptions = Int32(XML_PARSE_NONET.rawValue | XML_PARSE_NOCDATA.rawValue)
}
