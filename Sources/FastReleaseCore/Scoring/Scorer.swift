/// Scores declarations against one compiled profile. Not thread-safe: keep one per worker.
///
/// The scorer gathers candidate rules from the profile's indexes, evaluates only those,
/// sums the weights of the rules that fire, and takes the strongest of the threshold lane,
/// the rules' forced lanes and the random-selection lane.
///
/// ```swift
/// let scorer = Scorer(profile: compiled)
/// let decision = scorer.score(declaration)
/// print(decision.lane, decision.score)
/// ```
public final class Scorer {
    /// Counts kept across calls, for tests and statistics.
    public struct Statistics: Sendable, Hashable {
        /// Declarations scored.
        public var declarations = 0
        /// Rules evaluated (candidates from the indexes plus unanchored rules).
        public var rulesEvaluated = 0
        /// Rules that fired.
        public var rulesFired = 0
    }

    /// The profile this scorer uses.
    public let profile: CompiledProfile
    // `@exclusivity(unchecked)` below: one worker's, one call at a time
    // (docs/architecture.md, "No runtime access checks on the hot path").
    /// Counts so far.
    @exclusivity(unchecked) public private(set) var statistics = Statistics()

    private let candidates: CandidateSet
    @exclusivity(unchecked) private var matchedLines: [Int] = []
    /// The sampling period of the month last drawn in, with its seed hashed ahead.
    @exclusivity(unchecked) private var drawPeriod: (yearMonth: Int, name: String, seed: SHA256.Prefix?)? = nil
    /// Credit classes 0 to 9 as text, and their sampling rates, looked up once.
    private let classNames: [String]
    private let classRates: [Double]

    /// Creates a scorer for a profile.
    public init(profile: CompiledProfile) {
        self.profile = profile
        candidates = CandidateSet(ruleCount: profile.ruleCount)
        classNames = (0..<10).map { String($0) }
        classRates = classNames.map { profile.source.sampling.rate(for: $0) }
    }

    /// Decides one declaration.
    ///
    /// - Parameters:
    ///   - declaration: the declaration.
    ///   - receivedAt: the time to judge validity windows and sampling periods at when the
    ///     declaration states no time of its own; the current time when `nil`.
    ///   - drawnAt: the time whose month's seed random selection uses; the service gives the
    ///     time it received the declaration, so that a declarant cannot choose the period (and
    ///     its seed) by backdating. Without it, the declaration's own time (`asOf`).
    ///   - decodeMicroseconds: time spent decoding, recorded in the decision.
    ///   - state: the reference state that rules naming evidence are judged against (a snapshot:
    ///     nothing is read or written during scoring); without one, such rules apply as written
    ///     and say that no state was given.
    public func score(
        _ declaration: Declaration, receivedAt: CivilTime? = nil, drawnAt: CivilTime? = nil,
        decodeMicroseconds: Double = 0, state: ReferenceState? = nil
    ) -> Decision {
        let started = MonotonicClock.nanoseconds()
        // `profile.source` is read where it is needed, not bound to a local: a local would be a
        // copy of the profile's structs (the sampling policy's dictionaries, retained and
        // released for every declaration).
        let asOf =
            declaration.declaredAt ?? receivedAt ?? CivilTime.now(offsetSeconds: profile.source.timeZoneOffsetSeconds)
        let standing = enterpriseStanding(of: declaration)
        gatherCandidates(declaration, standing)
        statistics.declarations += 1
        statistics.rulesEvaluated += candidates.count
        let rules = profile.rules

        var hits: [RuleHit] = []
        var score = 0
        var forced: (lane: Lane, rule: String)? = nil
        var labTests: [String] = []
        var judge: EvidenceJudge? = nil
        for position in 0..<candidates.count {
            let rule = rules[Int(candidates[position])]
            guard fires(rule, declaration, standing, asOf: asOf) else { continue }
            var hit = RuleHit(
                ruleID: rule.id, weight: rule.weight, lane: rule.lane, reason: rule.reason, itemLines: matchedLines)
            hit.traderNotice = rule.traderNotice
            if !rule.evidence.isEmpty {
                hit.evidence = evidence(for: rule, declaration, standing, asOf: asOf, state: state, judge: &judge)
            }
            hits.append(hit)
            if hit.waived { continue }
            score += rule.weight
            if let lane = rule.lane, lane > (forced?.lane ?? .release) { forced = (lane, rule.id) }
            labTests += rule.labTests
        }
        statistics.rulesFired += hits.count

        let sampling = draw(declaration, standing, at: drawnAt ?? asOf)
        let thresholdLane = profile.thresholds.first { score >= $0.score }?.lane ?? .release
        var lane = Lane.release
        var laneSource = LaneSource.default
        if let forced, forced.lane > lane { (lane, laneSource) = (forced.lane, .rule(forced.rule)) }
        if thresholdLane > lane { (lane, laneSource) = (thresholdLane, .threshold(score: score)) }
        if sampling.drawn, profile.source.sampling.lane > lane {
            (lane, laneSource) = (profile.source.sampling.lane, .sampling)
        }

        return Decision(
            declarationID: declaration.id, declarant: declaration.parties.code(.declarant) ?? "",
            messageID: declaration.messageID, format: declaration.format,
            direction: declaration.direction, function: declaration.function, lane: lane, laneSource: laneSource,
            score: score, hits: hits, labTests: labTests.isEmpty ? [] : Array(Set(labTests)).sorted(),
            writeOffs: judge?.writeOffs ?? [], sampling: sampling, port: declaration.port, enterprise: standing,
            issues: declaration.issues, profileVersion: profile.version, asOf: asOf,
            timing: .init(
                decodeMicroseconds: decodeMicroseconds, scoreMicroseconds: MonotonicClock.microseconds(since: started)))
    }

    /// The random-selection draw of a declaration, with the period's seed and the class's rate
    /// looked up once rather than for every declaration.
    private func draw(_ declaration: borrowing Declaration, _ standing: EnterpriseStanding, at: CivilTime)
        -> SamplingDraw
    {
        let yearMonth = at.yearMonth
        if drawPeriod?.yearMonth != yearMonth {
            let (name, seed) = profile.source.sampling.seedHash(forMonth: yearMonth)
            drawPeriod = (yearMonth, name, seed)
        }
        let creditClass: String
        let rate: Double
        if standing.list == nil, classNames.indices.contains(standing.creditClass) {
            (creditClass, rate) = (classNames[standing.creditClass], classRates[standing.creditClass])
        } else {
            creditClass = standing.list?.rawValue ?? String(standing.creditClass)
            rate = profile.source.sampling.rate(for: creditClass)
        }
        return SamplingDrawer.draw(
            declaration, period: drawPeriod!.name, seed: drawPeriod!.seed, rate: rate, creditClass: creditClass, at: at)
    }

    /// Finds the enterprise responsible for a declaration: the first party, in the profile's
    /// role order, that the register knows; otherwise the first party named, unregistered.
    public func enterpriseStanding(of declaration: Declaration) -> EnterpriseStanding {
        var firstNamed: (code: String, role: PartyRole)? = nil
        for role in profile.source.enterpriseRoles {
            guard let code = declaration.parties.code(role), !code.isEmpty else { continue }
            if let entry = profile.enterprises.entry(code) {
                return EnterpriseStanding(
                    code: code, role: role, creditClass: entry.creditClass, list: entry.list, zone: entry.zone,
                    registered: true)
            }
            if firstNamed == nil { firstNamed = (code, role) }
        }
        return EnterpriseStanding(
            code: firstNamed?.code ?? "", role: firstNamed?.role, creditClass: profile.source.unregisteredClass,
            list: nil, zone: "", registered: false)
    }

    // MARK: Evidence

    private func evidence(
        for rule: CompiledRule, _ declaration: Declaration, _ standing: EnterpriseStanding, asOf: CivilTime,
        state: ReferenceState?, judge: inout EvidenceJudge?
    ) -> [EvidenceFinding] {
        guard let state else {
            let kinds = rule.evidence.map(\.rawValue).joined(separator: ", ")
            return [
                EvidenceFinding(
                    kind: rule.evidence[0], satisfied: false, subject: "",
                    detail: "no reference state was given, so \(kinds) could not be checked")
            ]
        }
        if judge == nil {
            judge = EvidenceJudge(state: state, declaration: declaration, enterprise: standing.code, asOf: asOf)
        }
        return judge!.judge(tests: rule.labTests, kinds: rule.evidence, lines: matchedLines)
    }

    // MARK: Candidates

    private func gatherCandidates(_ declaration: Declaration, _ standing: EnterpriseStanding) {
        let candidates = self.candidates
        candidates.reset()
        // `profile.index` is read in place each time: a local copy of the index would retain
        // and release each of its arrays for every declaration.
        if !profile.index.hsTrie.isEmpty {
            for item in declaration.items {
                if let code = item.hs { profile.index.hsTrie.forEachRule(matching: code) { candidates.add($0) } }
            }
        }
        for bucket in profile.index.countryBuckets.indices {
            let key = profile.index.countryBuckets[bucket].key
            if isItemKey(key) {
                for item in declaration.items.indices {
                    if let country = FieldValues.country(key, declaration, item) {
                        candidates.add(profile.index.countryBuckets[bucket].rules[country.index])
                    }
                }
            } else if let country = FieldValues.country(key, declaration, nil) {
                candidates.add(profile.index.countryBuckets[bucket].rules[country.index])
            }
        }
        for bucket in profile.index.codeBuckets.indices {
            let key = profile.index.codeBuckets[bucket].key
            if isItemKey(key) {
                for item in declaration.items.indices {
                    if let value = FieldValues.code(key, declaration, item, standing),
                        let rules = profile.index.codeBuckets[bucket].rules[value]
                    {
                        candidates.add(rules)
                    }
                }
            } else if let value = FieldValues.code(key, declaration, nil, standing),
                let rules = profile.index.codeBuckets[bucket].rules[value]
            {
                candidates.add(rules)
            }
        }
        for bucket in profile.index.setBuckets.indices {
            FieldValues.forEachMember(profile.index.setBuckets[bucket].key, declaration) { member in
                if let rules = profile.index.setBuckets[bucket].rules[member] { candidates.add(rules) }
            }
        }
        if (1...4).contains(standing.creditClass) { candidates.add(profile.index.classBuckets[standing.creditClass]) }
        candidates.add(profile.index.unanchored)
        candidates.sort()
    }

    private func isItemKey(_ key: DeclarationField.Key) -> Bool {
        switch key {
        case .itemHS, .itemDescription, .itemQuantity, .itemUnit, .itemLegalQuantity, .itemLegalUnit, .itemUnitPrice,
            .itemValue, .itemCurrency, .itemOrigin, .itemDestination, .itemGrossWeight, .itemNetWeight:
            true
        default:
            false
        }
    }

    // MARK: Evaluation

    /// Whether a rule fires; leaves the matching item lines in `matchedLines`.
    private func fires(
        _ rule: CompiledRule, _ declaration: Declaration, _ standing: EnterpriseStanding, asOf: CivilTime
    ) -> Bool {
        matchedLines.removeAll(keepingCapacity: true)
        if let window = rule.window, !window.contains(asOf) { return false }
        for condition in rule.declarationConditions where !condition.holds(declaration, nil, standing) { return false }
        if rule.itemConditions.isEmpty { return true }
        for item in declaration.items.indices
        where rule.itemConditions.allSatisfy({ $0.holds(declaration, item, standing) }) {
            matchedLines.append(declaration.items[item].line)
        }
        return !matchedLines.isEmpty
    }
}

@available(*, unavailable, message: "a Scorer keeps scratch state; make one per worker")
extension Scorer: Sendable {}
