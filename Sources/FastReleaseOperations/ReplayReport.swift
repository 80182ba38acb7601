public import FastReleaseCore

/// What a replay measured.
public struct ReplayReport: Sendable {
    /// Counts of one side (new profile or baseline).
    public struct Side: Sendable {
        /// Declarations by lane.
        public var lanes: [Lane: Int] = [:]
        /// Declarations inspected (workload).
        public var inspected = 0
        /// Inspected declarations with a recorded result, and of them the nonconforming.
        public var inspectedWithResults = 0
        public var inspectedNonconforming = 0
        /// Known nonconforming declarations this side would inspect.
        public var captured = 0
        /// Per credit class: declarations and inspected.
        public var byClass: [String: (declarations: Int, inspected: Int)] = [:]

        /// Nonconforming found per inspection with a result.
        public var hitRate: Double? {
            inspectedWithResults == 0 ? nil : Double(inspectedNonconforming) / Double(inspectedWithResults)
        }
    }

    /// A rule's record on the replayed declarations.
    public struct RuleRecord: Sendable {
        /// Declarations it fired on.
        public var hits = 0
        /// Of them, with an inspection result, and nonconforming.
        public var withResults = 0
        public var nonconforming = 0

        /// Nonconforming per declaration it fired on with a result.
        public var hitRate: Double? { withResults == 0 ? nil : Double(nonconforming) / Double(withResults) }
    }

    /// A declaration whose lane the new profile changes.
    public struct LaneChange: Sendable {
        public var declarationID: String
        public var declarant: String
        public var from: Lane?
        public var to: Lane
        /// The rules that fired with the new profile.
        public var rules: [String]
        /// What inspections found, if recorded.
        public var nonconforming: Bool?
    }

    public var profileVersion = ""
    public var baselineVersion = ""
    /// Declarations replayed.
    public var declarations = 0
    /// Declarations with a recorded inspection result, and of them the nonconforming.
    public var withResults = 0
    public var knownNonconforming = 0
    public var new = Side()
    public var baseline = Side()
    /// Rule records of the new profile, by rule id.
    public var rules: [String: RuleRecord] = [:]
    /// The first declarations whose lane changed, at most ``listedChanges``.
    public var changes: [LaneChange] = []
    /// How many declarations' lanes changed.
    public var changed = 0
    /// Lane changes kept in ``changes``: the HTML report lists them; the rest are counted.
    public static let listedChanges = 10_000
    /// The new profile's lanes by port, against its expected rates.
    public var rates = PortRates()
    /// The new profile's sampling policy (its expected rates).
    public var expected = SamplingPolicy()

    mutating func count(decision: Decision, baselineLane: Lane?, creditClass: String, nonconforming: Bool?) {
        declarations += 1
        if let nonconforming {
            withResults += 1
            if nonconforming { knownNonconforming += 1 }
        }
        Self.count(decision.lane, into: &new, creditClass: creditClass, nonconforming: nonconforming)
        if let baselineLane {
            Self.count(baselineLane, into: &baseline, creditClass: creditClass, nonconforming: nonconforming)
        }
        for hit in decision.hits {
            var record = rules[hit.ruleID] ?? RuleRecord()
            record.hits += 1
            if let nonconforming {
                record.withResults += 1
                if nonconforming { record.nonconforming += 1 }
            }
            rules[hit.ruleID] = record
        }
        if baselineLane != decision.lane {
            changed += 1
            guard changes.count < Self.listedChanges else { return }
            changes.append(
                LaneChange(
                    declarationID: decision.declarationID, declarant: decision.declarant, from: baselineLane,
                    to: decision.lane, rules: decision.hits.map(\.ruleID), nonconforming: nonconforming))
        }
    }

    private static func count(_ lane: Lane, into side: inout Side, creditClass: String, nonconforming: Bool?) {
        side.lanes[lane, default: 0] += 1
        let inspected = Replay.inspects(lane)
        var perClass = side.byClass[creditClass] ?? (0, 0)
        perClass.declarations += 1
        if inspected {
            side.inspected += 1
            perClass.inspected += 1
            if let nonconforming {
                side.inspectedWithResults += 1
                if nonconforming {
                    side.inspectedNonconforming += 1
                    side.captured += 1
                }
            }
        }
        side.byClass[creditClass] = perClass
    }

    /// Known nonconforming declarations a side would inspect, as a share.
    public func capture(_ side: Side) -> Double? {
        knownNonconforming == 0 ? nil : Double(side.captured) / Double(knownNonconforming)
    }
}
