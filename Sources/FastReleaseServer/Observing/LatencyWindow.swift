import Synchronization

/// The latencies of the most recent messages (a ring of fixed size), for the dashboard's
/// percentiles. Prometheus histograms serve monitoring; this serves people looking now.
public final class LatencyWindow: Sendable {
    private struct Ring {
        var values: [Double]
        var next = 0
        var filled = 0
    }

    private let ring: Mutex<Ring>

    /// Keeps the last `capacity` latencies.
    public init(capacity: Int = 10_000) {
        ring = Mutex(Ring(values: [Double](repeating: 0, count: max(1, capacity))))
    }

    /// Records one latency, in milliseconds.
    public func record(milliseconds: Double) {
        ring.withLock { ring in
            ring.values[ring.next] = milliseconds
            ring.next = (ring.next + 1) % ring.values.count
            ring.filled = min(ring.filled + 1, ring.values.count)
        }
    }

    /// The count and the given percentiles (fractions, such as 0.99) of what the ring holds.
    public func percentiles(_ fractions: [Double]) -> (count: Int, values: [Double]) {
        let sorted = ring.withLock { Array($0.values.prefix($0.filled)) }.sorted()
        guard !sorted.isEmpty else { return (0, fractions.map { _ in 0 }) }
        return (
            sorted.count,
            fractions.map { fraction in
                sorted[max(0, min(sorted.count - 1, Int((Double(sorted.count) * fraction).rounded(.up)) - 1))]
            }
        )
    }
}
