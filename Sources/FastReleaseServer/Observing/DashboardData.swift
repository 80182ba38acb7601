import FastReleaseCore
import FastReleaseStore

/// What the dashboard shows, gathered from the decision log, the metrics, the profile history
/// and the shadow comparison: one JSON document (`GET /v1/dashboard/data`).
struct DashboardData {
    let log: any DecisionLog
    let metrics: ServiceMetrics
    let profiles: ProfileManager
    let shadow: ShadowComparison
    let clock: WallClock

    /// Rules listed, the most frequent first.
    static let rulesListed = 15

    func document() async throws -> DashboardDocument {
        let now = clock.milliseconds()
        let since = now - 24 * 3_600_000
        let (count, latencies) = metrics.recentLatencies.percentiles([0.5, 0.9, 0.99, 0.999, 1.0])
        let summary = try await shadow.summary()
        return DashboardDocument(
            generatedAt: now, profile: profiles.live.current.version,
            lanes: try await log.hourlyLaneCounts(from: since).map {
                .init(bucket: $0.bucketStart, lane: $0.lane, count: $0.count)
            },
            latency: .init(
                messages: count, p50: latencies[0], p90: latencies[1], p99: latencies[2], p999: latencies[3],
                max: latencies[4]),
            rules: try await ruleStatistics(since: since),
            history: try await profiles.history(limit: 20).map(ProfileChangeSummary.init),
            shadow: .init(
                version: summary.version, compared: summary.compared, differing: summary.differing,
                byLanes: summary.byLanes))
    }

    /// Hits of each rule over every decision of the last day (from the start of the hour 24 hours
    /// ago, as the lanes), with the results of the inspections recorded against them, counted in
    /// the log; the most frequent.
    private func ruleStatistics(since: Int64) async throws -> [DashboardDocument.RuleStatistic] {
        try await log.ruleStatistics(from: since, limit: Self.rulesListed).map {
            .init(rule: $0.rule, hits: $0.hits, withResult: $0.withResults, nonconforming: $0.nonconforming)
        }
    }
}
