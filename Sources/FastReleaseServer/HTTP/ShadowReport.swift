import FastReleaseCore
import FastReleaseStore

/// `GET /v1/profile/shadow`: the live and candidate versions (`shadow` is `null` when none
/// runs), the counts since the candidate started, and recent differences.
struct ShadowReport: Encodable {
    let live: String
    let shadow: String?
    let since: Int64
    let compared: Int
    let differing: Int
    let byLanes: [String: Int]
    let examples: [Example]

    /// A declaration the two decided differently, with the candidate's decision.
    struct Example: Encodable {
        let declaration: String
        let declarant: String
        let live: RecordedLane
        let shadow: RecordedLane
        let decision: DecisionPayload?

        init(_ row: StoredShadowDecision) {
            declaration = row.key.declarationID
            declarant = row.key.declarant
            live = row.liveLane
            shadow = row.shadowLane
            decision = try? DecisionPayload.decode(row.payload)
        }
    }

    private enum CodingKeys: String, CodingKey {
        case live, shadow, since, compared, differing, byLanes = "by_lanes", examples
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(live, forKey: .live)
        try container.encode(shadow, forKey: .shadow)
        try container.encode(since, forKey: .since)
        try container.encode(compared, forKey: .compared)
        try container.encode(differing, forKey: .differing)
        try container.encode(byLanes, forKey: .byLanes)
        try container.encode(examples, forKey: .examples)
    }
}
