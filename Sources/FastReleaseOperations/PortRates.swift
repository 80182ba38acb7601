public import FastReleaseCore
import Foundation

/// Lanes counted by port, to set against the profile's expected rates
/// (``SamplingPolicy/expected``).
///
/// ```swift
/// var rates = PortRates()
/// rates.count(port: "3700", lane: .inspectRelease, toppedUp: false)
/// print(rates.lines(expected: profile.source.sampling).joined(separator: "\n"))
/// ```
public struct PortRates: Sendable {
    /// One port's counts.
    public struct Port: Sendable {
        /// Declarations decided.
        public var declarations = 0
        /// By lane.
        public var lanes: [Lane: Int] = [:]
        /// Drawn up from release to meet an expected rate.
        public var toppedUp = 0

        /// The share in `lane` or stronger.
        public func share(atLeast lane: Lane) -> Double {
            guard declarations > 0 else { return 0 }
            return Double(lanes.filter { $0.key >= lane }.values.reduce(0, +)) / Double(declarations)
        }
    }

    /// Counts by port.
    public var ports: [String: Port] = [:]

    /// Creates empty counts.
    public init() {}

    /// Counts one decision.
    public mutating func count(port: String, lane: Lane, toppedUp: Bool) {
        ports[port, default: Port()].declarations += 1
        ports[port, default: Port()].lanes[lane, default: 0] += 1
        if toppedUp { ports[port, default: Port()].toppedUp += 1 }
    }

    /// One line per port and lane with an expected rate: the share in that lane or stronger
    /// against the rate expected, and how many were drawn up to it.
    public func lines(expected policy: SamplingPolicy) -> [String] {
        var lines: [String] = []
        for (port, counts) in ports.sorted(by: { $0.key < $1.key }) {
            guard let targets = policy.expectedRates(at: port) else { continue }
            for (lane, rate) in targets.sorted(by: { $0.key > $1.key }) {
                let actual = counts.share(atLeast: lane)
                let verdict = actual + 1e-9 >= rate ? "met" : "below"
                lines.append(
                    "  port \(port.isEmpty ? "(none)" : port): \(lane.name) or stronger \(Self.percent(actual)) of \(counts.declarations), expected \(Self.percent(rate)) (\(verdict)); \(counts.toppedUp) drawn up"
                )
            }
        }
        return lines
    }

    static func percent(_ value: Double) -> String { String(format: "%.2f%%", value * 100) }
}
