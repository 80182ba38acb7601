import FastReleaseCore

/// Elements with weights, for `CorpusRandom.pick`.
struct WeightedTable<T: Sendable>: Sendable {
    private let elements: [T]
    private let cumulative: [Double]

    init(_ weighted: [(T, Double)]) {
        elements = weighted.map(\.0)
        var total = 0.0
        cumulative = weighted.map {
            total += $0.1
            return total
        }
    }

    func element(at unit: Double) -> T {
        let target = unit * cumulative.last!
        var low = 0
        var high = cumulative.count - 1
        while low < high {
            let middle = (low + high) / 2
            if cumulative[middle] > target { high = middle } else { low = middle + 1 }
        }
        return elements[low]
    }
}
