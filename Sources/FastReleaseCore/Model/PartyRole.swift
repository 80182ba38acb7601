/// The roles a party can play in a declaration, named as risk rules name them.
public enum PartyRole: String, Sendable, Hashable, CaseIterable {
    /// Who lodges the declaration (CEB `agentCode`, WCO `Declarant`).
    case declarant
    /// A representative acting for the trader.
    case agent
    /// The e-commerce platform (CEB `ebpCode`).
    case platform
    /// The e-commerce enterprise selling the goods (CEB `ebcCode`).
    case seller
    /// Who imports: a natural person in cross-border e-commerce.
    case importer
    /// Who exports: the actual shipper.
    case exporter
    /// Who receives the goods.
    case consignee
    /// The logistics enterprise.
    case logistics
}
