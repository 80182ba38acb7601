import FastReleaseCore
import FastReleaseStore
import Foundation

/// What the dashboard shows, gathered from the decision log, the metrics, the profile history
/// and the shadow comparison: one JSON document (`GET /v1/dashboard/data`).
struct DashboardData {
    let log: any DecisionLog
    let metrics: ServiceMetrics
    let profiles: ProfileManager
    let shadow: ShadowComparison

    /// Decisions and inspections read for rule statistics, at most.
    static let sampleLimit = 20_000

    func json(now: Date = Date()) async throws -> [UInt8] {
        let nowMilliseconds = Int64(now.timeIntervalSince1970 * 1000)
        let since = nowMilliseconds - 24 * 3_600_000
        let lanes = try await log.laneCounts(from: since, bucket: 3_600_000)
        let (count, latencies) = metrics.recentLatencies.percentiles([0.5, 0.9, 0.99, 0.999, 1.0])
        let rules = try await ruleStatistics(since: since)
        let history = try await profiles.history(limit: 20)
        let summary = shadow.summary
        let document: [String: Any] = [
            "generated_at": nowMilliseconds,
            "profile": profiles.live.current.version,
            "lanes": lanes.map { ["bucket": $0.bucketStart, "lane": $0.lane, "count": $0.count] },
            "latency": [
                "messages": count, "p50_ms": latencies[0], "p90_ms": latencies[1], "p99_ms": latencies[2],
                "p999_ms": latencies[3], "max_ms": latencies[4],
            ],
            "rules": rules.map {
                ["rule": $0.rule, "hits": $0.hits, "with_result": $0.withResult, "nonconforming": $0.nonconforming]
            },
            "history": history.map {
                [
                    "version": $0.version, "previous": $0.previousVersion, "changed_at": $0.changedAt,
                    "changed_by": $0.changedBy, "summary": $0.summary,
                ]
            },
            "shadow": [
                "version": summary.version as Any, "compared": summary.compared, "differing": summary.differing,
                "by_lanes": summary.byLanes,
            ],
        ]
        return Array(try JSONSerialization.data(withJSONObject: document, options: [.sortedKeys]))
    }

    private struct RuleStatistic {
        var rule: String
        var hits = 0
        var withResult = 0
        var nonconforming = 0
    }

    /// Hits of each rule over the last day's decisions (up to `sampleLimit`), with the results of
    /// the inspections recorded against them; the 15 most frequent.
    private func ruleStatistics(since: Int64) async throws -> [RuleStatistic] {
        let outcomes = try await log.nonconformity(limit: Self.sampleLimit)
        var statistics: [String: RuleStatistic] = [:]
        for decision in try await log.decisions(decidedFrom: since, to: .max, limit: Self.sampleLimit) {
            let payload = (try? JSONSerialization.jsonObject(with: Data(decision.payload.utf8))) as? [String: Any]
            let outcome = outcomes["\(decision.key.declarant)/\(decision.key.declarationID)"]
            for hit in payload?["hits"] as? [[String: Any]] ?? [] {
                guard let rule = hit["rule"] as? String else { continue }
                var statistic = statistics[rule] ?? RuleStatistic(rule: rule)
                statistic.hits += 1
                if let outcome {
                    statistic.withResult += 1
                    if outcome { statistic.nonconforming += 1 }
                }
                statistics[rule] = statistic
            }
        }
        return Array(
            statistics.values.sorted { $0.hits > $1.hits || ($0.hits == $1.hits && $0.rule < $1.rule) }.prefix(15))
    }
}
