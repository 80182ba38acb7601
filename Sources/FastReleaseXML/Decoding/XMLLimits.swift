/// Limits that keep untrusted XML from using unbounded memory or time.
///
/// Every limit, when crossed, gives an error record (`xml.limit`) that names the limit and
/// the value found; the other messages of the input go on.
public struct XMLLimits: Sendable, Hashable {
    /// The largest message, in bytes (default 16 MiB; a 100-declaration CEB message is about 400 KB).
    public var maxMessageBytes: Int
    /// The deepest element nesting (default 32; CEB needs 4, WCO about 8).
    public var maxDepth: Int
    /// The longest text of one element, in bytes (default 64 KiB).
    public var maxTextBytes: Int
    /// The most declarations in one message (default 1,000; the CEB schema allows 100).
    public var maxDeclarationsPerMessage: Int
    /// The most goods lines in one declaration (default 1,000; WCO allows 999).
    public var maxItemsPerDeclaration: Int

    /// Creates limits; each parameter has the default shown in its property's documentation.
    public init(
        maxMessageBytes: Int = 16 << 20, maxDepth: Int = 32, maxTextBytes: Int = 64 << 10,
        maxDeclarationsPerMessage: Int = 1000, maxItemsPerDeclaration: Int = 1000
    ) {
        self.maxMessageBytes = maxMessageBytes
        self.maxDepth = maxDepth
        self.maxTextBytes = maxTextBytes
        self.maxDeclarationsPerMessage = maxDeclarationsPerMessage
        self.maxItemsPerDeclaration = maxItemsPerDeclaration
    }
}
