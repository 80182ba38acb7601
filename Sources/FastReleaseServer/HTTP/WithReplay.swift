/// A value answered with `"replay"` beside its own members.
struct WithReplay<Payload: Encodable>: Encodable {
    let replay: Bool
    let payload: Payload

    private enum CodingKeys: String, CodingKey { case replay }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(replay, forKey: .replay)
        try payload.encode(to: encoder)
    }
}
