extension PartyRole: Codable {}
extension EnterpriseList: Codable {}
