/// How many times each whole value occurred: the exact percentiles of values rounded to whole
/// numbers, in memory that grows with the number of distinct values, not with how many were added.
///
/// Rounding is to the nearest, ties to even (as `%.0f` prints), so a percentile printed with
/// `%.0f` is the one a sorted list of every value would give.
///
/// ```swift
/// var waits = ValueDistribution()
/// for milliseconds in [12.0, 7.0, 30.0, 7.0] { waits.add(milliseconds) }
/// print(waits.percentile(0.5) ?? 0)  // 7.0
/// ```
public struct ValueDistribution: Sendable, Hashable {
    private var counts: [Int64: Int] = [:]
    /// How many values were added.
    public private(set) var count = 0

    /// An empty distribution.
    public init() {}

    /// Whether no value was added.
    public var isEmpty: Bool { count == 0 }

    /// Adds one value, rounded to a whole number.
    public mutating func add(_ value: Double) {
        let whole = value.rounded(.toNearestOrEven)
        let key = whole >= Double(Int64.max) ? Int64.max : whole <= Double(Int64.min) ? Int64.min : Int64(whole)
        counts[key, default: 0] += 1
        count += 1
    }

    /// The `fraction` percentile (0 to 1): the value at place ⌈count × fraction⌉ in sorted order.
    public func percentile(_ fraction: Double) -> Double? {
        guard count > 0 else { return nil }
        let place = max(1, min(count, Int((Double(count) * fraction).rounded(.up))))
        var seen = 0
        for value in counts.keys.sorted() {
            seen += counts[value]!
            if seen >= place { return Double(value) }
        }
        return nil
    }
}
