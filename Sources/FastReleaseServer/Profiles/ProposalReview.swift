import FastReleaseCore
import FastReleaseOperations

/// What is checked of a proposed profile before anyone may approve it: its example cases, and
/// what it would have done to the last day's traffic, beside what the version in force did.
public struct ProposalReview: Codable, Sendable, Hashable {
    /// The example cases' outcome.
    public struct Cases: Codable, Sendable, Hashable {
        /// Where the cases came from: `upload` (the proposal's `tests/` files) or a folder.
        public var source: String
        /// Cases run, and of them passed.
        public var run: Int
        public var passed: Int
        /// Each failing case: its file, name and what differed.
        public var failures: [String]

        /// Whether the change may be approved: at least one case, and every case passed.
        public var allPassed: Bool { run > 0 && passed == run }
    }

    /// One side of the replay: declarations by lane, and the share inspected.
    public struct Side: Codable, Sendable, Hashable {
        public var lanes: [String: Int]
        public var inspectionRate: Double?

        init(_ side: ReplayReport.Side, declarations: Int) {
            lanes = Dictionary(uniqueKeysWithValues: side.lanes.map { ($0.key.name, $0.value) })
            inspectionRate = declarations == 0 ? nil : Double(side.inspected) / Double(declarations)
        }

        private enum CodingKeys: String, CodingKey {
            case lanes, inspectionRate = "inspection_rate"
        }
    }

    /// The replay of the last day.
    public struct Replay: Codable, Sendable, Hashable {
        /// The window, in milliseconds since 1970.
        public var from: Int64
        public var to: Int64
        /// Declarations replayed.
        public var declarations: Int
        /// The version in force then (as decided), and the proposal.
        public var before: Side
        public var after: Side
    }

    public var cases: Cases
    public var replay: Replay
}

/// An operator's approval of a proposal.
public struct ProposalApproval: Codable, Sendable, Hashable {
    /// The operator's token name.
    public var by: String
    /// When, in milliseconds since 1970.
    public var at: Int64
}
