/// Lanes are written by name (`sample-release`), not by number.
extension Lane: Codable {
    public init(from decoder: any Decoder) throws {
        let name = try decoder.singleValueContainer().decode(String.self)
        guard let lane = Lane(name: name) else {
            throw DecodingError.dataCorrupted(
                .init(codingPath: decoder.codingPath, debugDescription: "`\(name)` is not a lane"))
        }
        self = lane
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(name)
    }
}

extension PartyRole: Codable {}
extension EnterpriseList: Codable {}
