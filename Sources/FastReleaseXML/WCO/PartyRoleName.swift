/// The WCO party aggregates, by the role FastRelease gives them.
enum PartyRoleName {
    case declarant, agent, exporter, importer, consignee, submitter
}
