/// The names decisions give the message formats FastRelease reads (``Decision/format``).
public enum FormatNames {
    /// China cross-border e-commerce import inventory.
    public static let ceb621 = "CEB621"
    /// China cross-border e-commerce export inventory.
    public static let ceb603 = "CEB603"
    /// WCO data model declaration, UK CDS flavour (`urn:wco:datamodel:WCO:DEC-DMS:2`).
    public static let wcoDeclaration = "DEC-DMS"
}
