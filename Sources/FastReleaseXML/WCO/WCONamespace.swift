/// The namespaces of the UK CDS flavour of the WCO data model 3.6.
enum WCONamespace {
    /// The envelope, `md:MetaData`.
    static let metadata = "urn:wco:datamodel:WCO:DocumentMetaData-DMS:2"
    /// Declarations.
    static let declaration = "urn:wco:datamodel:WCO:DEC-DMS:2"
    /// Date strings inside declarations (`p1:DateTimeString`).
    static let dataStrings = "urn:wco:datamodel:WCO:Declaration_DS:DMS:2"
    /// Notifications (customs to trader).
    static let response = "urn:wco:datamodel:WCO:RES-DMS:2"
}
