public import FastReleaseCore
public import Prometheus
import Synchronization

/// The service's Prometheus metrics, served at `/metrics`.
///
/// | metric | kind | labels |
/// | --- | --- | --- |
/// | `fastrelease_decisions_total` | counter | `lane`, `replay` |
/// | `fastrelease_decision_latency_seconds` | histogram | per message: from its last byte to its durable answer |
/// | `fastrelease_errors_total` | counter | `kind` (error record code, or `overloaded`, `store`) |
/// | `fastrelease_queue_depth` | gauge | messages waiting for a worker |
/// | `fastrelease_log_write_seconds` | histogram | one decision-log transaction |
/// | `fastrelease_log_batch_rows` | histogram | decisions per transaction |
public final class ServiceMetrics: Sendable {
    /// The registry the metrics live in.
    public let registry: PrometheusCollectorRegistry
    private let decisionLatency: DurationHistogram
    private let logWrite: DurationHistogram
    private let logBatchRows: ValueHistogram
    private let queueDepth: Gauge
    /// Counters made once, by "lane/replay" and by error kind, so that counting is one lookup.
    private let decisionCounters: [String: Counter]
    private let errorCounters: Mutex<[String: Counter]>

    /// Creates the metrics in a registry of their own.
    public init(registry: PrometheusCollectorRegistry = PrometheusCollectorRegistry()) {
        self.registry = registry
        let latencyBuckets: [Duration] = [
            .microseconds(250), .microseconds(500), .milliseconds(1), .milliseconds(2), .milliseconds(5),
            .milliseconds(10), .milliseconds(25), .milliseconds(50), .milliseconds(100), .milliseconds(250),
            .milliseconds(500), .seconds(1), .seconds(2.5), .seconds(10),
        ]
        decisionLatency = registry.makeDurationHistogram(
            descriptor: .init(
                namespace: "fastrelease", metricName: "decision_latency", unitName: "seconds",
                helpText: "Time from a message's last byte to its durable answer"),
            buckets: latencyBuckets)
        logWrite = registry.makeDurationHistogram(
            descriptor: .init(
                namespace: "fastrelease", metricName: "log_write", unitName: "seconds",
                helpText: "Duration of one decision-log transaction"),
            buckets: latencyBuckets)
        logBatchRows = registry.makeValueHistogram(
            descriptor: .init(
                namespace: "fastrelease", metricName: "log_batch", unitName: "rows",
                helpText: "Decisions written per decision-log transaction"),
            buckets: [1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 2000, 5000])
        queueDepth = registry.makeGauge(
            descriptor: .init(
                namespace: "fastrelease", metricName: "queue_depth", unitName: "",
                helpText: "Messages waiting for a decoding worker"))
        var counters: [String: Counter] = [:]
        for lane in Lane.allCases.map(RecordedLane.decided) + [.withdrawn] {
            for replay in [false, true] {
                counters["\(lane.name)/\(replay)"] = Self.decisionsCounter(registry, lane: lane.name, replay: replay)
            }
        }
        decisionCounters = counters
        errorCounters = Mutex([:])
    }

    /// Counts a decision answered.
    public func decided(lane: RecordedLane, replay: Bool) {
        decisionCounters["\(lane.name)/\(replay)"]?.increment()
    }

    /// Counts an error by kind.
    public func failed(kind: String) {
        let counter = errorCounters.withLock { counters in
            if let counter = counters[kind] { return counter }
            let counter = registry.makeCounter(
                descriptor: .init(
                    namespace: "fastrelease", metricName: "errors", unitName: "total",
                    helpText: "Error records and refused requests, by kind"),
                labels: [("kind", kind)])
            counters[kind] = counter
            return counter
        }
        counter.increment()
    }

    /// The latencies of the most recent messages, for the dashboard.
    public let recentLatencies = LatencyWindow()

    /// Records one message's latency.
    public func messageAnswered(after duration: Duration) {
        decisionLatency.record(duration)
        let (seconds, attoseconds) = duration.components
        recentLatencies.record(milliseconds: Double(seconds) * 1000 + Double(attoseconds) / 1e15)
    }

    /// Records one decision-log transaction.
    public func logWritten(rows: Int, duration: Duration) {
        logWrite.record(duration)
        logBatchRows.record(Double(rows))
    }

    /// Sets the queue depth.
    public func queue(depth: Int) {
        queueDepth.set(Int64(depth))
    }

    /// The metrics in the Prometheus text format.
    public func exposition() -> [UInt8] {
        registry.emitToBuffer()
    }

    private static func decisionsCounter(_ registry: PrometheusCollectorRegistry, lane: String, replay: Bool) -> Counter
    {
        registry.makeCounter(
            descriptor: .init(
                namespace: "fastrelease", metricName: "decisions", unitName: "total",
                helpText: "Decisions answered, by lane and whether they were replays"),
            labels: [("lane", lane), ("replay", String(replay))])
    }
}
