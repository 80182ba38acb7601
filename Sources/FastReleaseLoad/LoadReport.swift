import Foundation
import Histogram

/// What a load run measured: throughput, latency percentiles from intended send times, errors.
public struct LoadReport: Sendable, Codable {
    /// The settings of the run.
    public var url: String
    public var rate: Double
    public var durationSeconds: Double
    public var declarationsPerMessage: Int
    public var connections: Int
    /// Requests sent, answered 200, and failed (by status or error).
    public var sent: Int
    public var succeeded: Int
    public var errors: [String: Int]
    /// Answered requests and declarations per second over the run.
    public var requestsPerSecond: Double
    public var declarationsPerSecond: Double
    /// Latency in milliseconds, from each request's intended send time to the last byte of its answer.
    public var latencyMilliseconds: [String: Double]
    /// The full latency distribution, `(percentile, milliseconds)`, for the chart.
    public var distribution: [Point]

    /// One point of the distribution.
    public struct Point: Sendable, Codable {
        public var percentile: Double
        public var milliseconds: Double
    }

    init(
        url: String, rate: Double, duration: Double, declarationsPerMessage: Int, connections: Int, sent: Int,
        errors: [String: Int], elapsed: Double, histogram: Histogram<UInt64>
    ) {
        self.url = url
        self.rate = rate
        durationSeconds = duration
        self.declarationsPerMessage = declarationsPerMessage
        self.connections = connections
        self.sent = sent
        self.errors = errors
        succeeded = Int(histogram.totalCount)
        requestsPerSecond = elapsed > 0 ? Double(succeeded) / elapsed : 0
        declarationsPerSecond = requestsPerSecond * Double(declarationsPerMessage)
        func milliseconds(_ microseconds: UInt64) -> Double { (Double(microseconds) / 10).rounded() / 100 }
        latencyMilliseconds = [
            "p50": milliseconds(histogram.valueAtPercentile(50)), "p90": milliseconds(histogram.valueAtPercentile(90)),
            "p99": milliseconds(histogram.valueAtPercentile(99)),
            "p99.9": milliseconds(histogram.valueAtPercentile(99.9)),
            "max": milliseconds(histogram.max),
        ]
        distribution = [0, 10, 25, 50, 75, 90, 95, 99, 99.5, 99.9, 99.95, 99.99, 100].map {
            Point(percentile: $0, milliseconds: milliseconds(histogram.valueAtPercentile($0)))
        }
    }

    /// A few lines for the terminal.
    public var summary: String {
        let latency = ["p50", "p90", "p99", "p99.9", "max"].map { "\($0) \(latencyMilliseconds[$0] ?? 0) ms" }.joined(
            separator: ", ")
        let failures =
            errors.isEmpty
            ? "none" : errors.sorted { $0.key < $1.key }.map { "\($0.key): \($0.value)" }.joined(separator: ", ")
        return """
            target \(rate) requests/s (\(declarationsPerMessage) declarations each) for \(durationSeconds) s, \(connections) connections
            sent \(sent), answered 200: \(succeeded), \(String(format: "%.1f", requestsPerSecond)) requests/s, \(String(format: "%.1f", declarationsPerSecond)) declarations/s
            latency from intended send time: \(latency)
            errors: \(failures)
            """
    }
}
