public import FastReleaseCore
import Foundation

/// Who was drawn to examine what, in a period: each examiner's workload, and each day's
/// heaviest against its mean ("two randoms": random inspectors, with workloads kept level).
public struct ExaminerSummary: Sendable {
    /// Declarations assigned, by examiner.
    public var byExaminer: [String: Int] = [:]
    /// Declarations assigned, by day and examiner.
    public var byDay: [String: [String: Int]] = [:]
    /// Declarations in an inspection lane for which nobody qualified was on shift.
    public var unassigned = 0

    /// Creates an empty summary.
    public init() {}

    /// Counts one decision's assignment.
    public mutating func add(_ assignment: ExaminerAssignment) {
        guard !assignment.examiner.isEmpty else {
            unassigned += 1
            return
        }
        byExaminer[assignment.examiner, default: 0] += 1
        byDay[assignment.day, default: [:]][assignment.examiner, default: 0] += 1
    }

    /// The summary's lines for a report; none when nobody was assigned anything.
    public func lines() -> [String] {
        guard !byExaminer.isEmpty || unassigned > 0 else { return [] }
        var lines = ["", "examiners drawn (declarations in inspection lanes):"]
        for (examiner, count) in byExaminer.sorted(by: { $0.key < $1.key }) { lines.append("  \(examiner): \(count)") }
        for (day, loads) in byDay.sorted(by: { $0.key < $1.key }) {
            let mean = Double(loads.values.reduce(0, +)) / Double(loads.count)
            let heaviest = loads.max { $0.value < $1.value || ($0.value == $1.value && $0.key > $1.key) }!
            lines.append(
                "  \(day): \(loads.count) examiners, mean \(String(format: "%.1f", mean)), heaviest \(heaviest.key) with \(heaviest.value)"
            )
        }
        if unassigned > 0 { lines.append("  \(unassigned) with nobody qualified on shift") }
        return lines
    }
}
