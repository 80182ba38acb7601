import FastReleaseCore

/// The dashboard's data, as `GET /v1/dashboard/data` answers it.
struct DashboardDocument: Encodable {
    let generatedAt: Int64
    let profile: String
    let lanes: [LaneBucket]
    let latency: Latency
    let rules: [RuleStatistic]
    let history: [ProfileChangeSummary]
    let shadow: Shadow

    struct LaneBucket: Encodable {
        let bucket: Int64
        let lane: RecordedLane
        let count: Int
    }

    struct Latency: Encodable {
        let messages: Int
        let p50: Double
        let p90: Double
        let p99: Double
        let p999: Double
        let max: Double

        private enum CodingKeys: String, CodingKey {
            case messages, p50 = "p50_ms", p90 = "p90_ms", p99 = "p99_ms", p999 = "p999_ms", max = "max_ms"
        }
    }

    struct RuleStatistic: Encodable {
        var rule: String
        var hits = 0
        var withResult = 0
        var nonconforming = 0

        private enum CodingKeys: String, CodingKey {
            case rule, hits, withResult = "with_result", nonconforming
        }
    }

    struct Shadow: Encodable {
        let version: String?
        let compared: Int
        let differing: Int
        let byLanes: [String: Int]

        private enum CodingKeys: String, CodingKey { case version, compared, differing, byLanes = "by_lanes" }

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(version, forKey: .version)
            try container.encode(compared, forKey: .compared)
            try container.encode(differing, forKey: .differing)
            try container.encode(byLanes, forKey: .byLanes)
        }
    }

    private enum CodingKeys: String, CodingKey {
        case generatedAt = "generated_at", profile, lanes, latency, rules, history, shadow
    }
}
