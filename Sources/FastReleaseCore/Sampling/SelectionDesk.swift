/// What random selection does after scoring, in the order declarations are decided: draws a
/// port's would-be releases up to its expected rates, and draws the examiner of each declaration
/// put in an inspection lane, with workloads kept level. Not thread-safe: one per writer (the
/// command line's pipeline writer, the service's recording path), fed decisions in order.
///
/// Expected rates (``SamplingPolicy/expected``): over a port's last ``SamplingPolicy/window``
/// declarations, the share in a lane or a stronger one. When a declaration that would be released
/// arrives while the share its profile put in the strongest lane with an expected rate (without
/// top-ups) runs below that rate, the declaration is drawn into the lane with the chance that
/// makes up the difference (`(expected − share without top-ups) ÷ share that would be released`),
/// by a draw keyed on its consignment (`top-up|key`); the decision says so (``Decision/topUp``,
/// lane source `top-up`). The port then runs at the expected rate.
///
/// Examiners: among the roster's shifts qualified for the lane at the port at the draw's time,
/// those whose workload that day, plus this one, stays within `(1 + level) ×` the day's mean of
/// that group (or the mean rounded up, so that someone is always eligible); the draw
/// `examiner|key` picks among them (``ExaminerAssignment``).
///
/// ```swift
/// let desk = SelectionDesk(policy: profile.source.sampling)
/// desk.settle(&decision, roster: state.roster)
/// ```
public final class SelectionDesk {
    private let policy: SamplingPolicy
    private var windows: [String: LaneWindow] = [:]
    private var loads: [String: [String: Int]] = [:]

    /// Creates a desk with nothing counted yet.
    public init(policy: SamplingPolicy) {
        self.policy = policy
    }

    /// Whether the desk has anything to do: expected rates, or a roster to draw examiners from.
    public static func isNeeded(policy: SamplingPolicy, roster: [RosterShift]) -> Bool {
        !policy.expected.isEmpty || !roster.isEmpty
    }

    /// Draws `decision` up to its port's expected rate when it would be released, draws its
    /// examiner when it is in an inspection lane, and counts both.
    public func settle(_ decision: inout Decision, roster: [RosterShift]) {
        guard decision.function != .cancellation, let at = decision.sampling.at,
            let seed = policy.seedHash(forMonth: at.yearMonth).seed
        else { return }
        guard let key = decision.sampling.consignment else { return }
        if decision.lane == .release, let targets = policy.expectedRates(at: decision.port) {
            topUp(&decision, targets: targets, seed: seed, key: key)
        }
        windows[decision.port, default: LaneWindow(size: policy.window)].record(
            decision.lane, toppedUp: decision.topUp != nil)
        if decision.lane > .release, !roster.isEmpty {
            let assignment = assign(
                lane: decision.lane, port: decision.port, at: at, seed: seed, key: key, roster: roster)
            decision.examiner = assignment
            if !assignment.examiner.isEmpty {
                loads[assignment.day, default: [:]][assignment.examiner, default: 0] += 1
            }
        }
    }

    /// Counts a decision made before this desk existed (the day's earlier assignments and the
    /// ports' latest lanes, read back from the log at start), oldest first.
    public func count(lane: Lane, port: String, toppedUp: Bool, examiner: (code: String, day: String)?) {
        windows[port, default: LaneWindow(size: policy.window)].record(lane, toppedUp: toppedUp)
        if let examiner, !examiner.code.isEmpty {
            loads[examiner.day, default: [:]][examiner.code, default: 0] += 1
        }
    }

    /// The share of a port's latest declarations in `lane` or a stronger one.
    public func rate(atLeast lane: Lane, port: String) -> Double {
        windows[port]?.share(atLeast: lane) ?? 0
    }

    /// Examiners' workloads on a day.
    public func workloads(on day: String) -> [String: Int] { loads[day] ?? [:] }

    private func topUp(
        _ decision: inout Decision, targets: [Lane: Double], seed: SHA256.Prefix, key: ConsignmentKey
    ) {
        let window = windows[decision.port] ?? LaneWindow(size: policy.window)
        // The strongest lane whose expected rate the port runs below (a loop: filtering the
        // targets would build a dictionary for every decision).
        var below: (lane: Lane, expected: Double)? = nil
        for (lane, expected) in targets where window.organicShare(atLeast: lane) < expected {
            if below.map({ lane > $0.lane }) ?? true { below = (lane, expected) }
        }
        guard let (lane, expected) = below else { return }
        let actual = window.share(atLeast: lane)
        let chance = min(1, (expected - window.organicShare(atLeast: lane)) / max(window.wouldReleaseShare, 0.05))
        let draw = SamplingDrawer.draw(seed: seed, key: key, salt: "top-up|")
        guard draw < chance else { return }
        decision.lane = lane
        decision.laneSource = .topUp
        decision.topUp = TopUpDraw(lane: lane, expected: expected, actual: actual, chance: chance, draw: draw)
    }

    private func assign(
        lane: Lane, port: String, at: CivilTime, seed: SHA256.Prefix, key: ConsignmentKey, roster: [RosterShift]
    ) -> ExaminerAssignment {
        let day = at.day
        // Each once (an examiner may have several shifts that cover the time), sorted.
        var qualified: [String] = []
        for shift in roster where shift.covers(lane: lane, port: port, at: at) && !qualified.contains(shift.examiner) {
            qualified.append(shift.examiner)
        }
        qualified.sort()
        let draw = SamplingDrawer.draw(seed: seed, key: key, salt: "examiner|")
        guard !qualified.isEmpty else { return ExaminerAssignment(examiner: "", draw: draw, eligible: [], day: day) }
        let today = loads[day] ?? [:]
        let total = qualified.reduce(0) { $0 + (today[$1] ?? 0) }
        let mean = Double(total + 1) / Double(qualified.count)
        let ceiling = max((1 + policy.examinerLevel) * mean, mean.rounded(.up))
        let eligible = qualified.filter { Double((today[$0] ?? 0) + 1) <= ceiling }
        let chosen = eligible[min(eligible.count - 1, Int(draw * Double(eligible.count)))]
        return ExaminerAssignment(examiner: chosen, draw: draw, eligible: eligible, day: day)
    }
}

/// The lanes of a port's latest declarations, a fixed number of them, and which of them were
/// top-ups (declarations that would have been released).
struct LaneWindow {
    private static let toppedUpFlag: UInt8 = 0x80
    private var entries: [UInt8] = []
    private var next = 0
    private var counts = [Int](repeating: 0, count: Lane.allCases.count)
    private var toppedUp = [Int](repeating: 0, count: Lane.allCases.count)
    let size: Int

    init(size: Int) {
        self.size = max(1, size)
    }

    mutating func record(_ lane: Lane, toppedUp isTopUp: Bool) {
        let entry = UInt8(lane.rawValue) | (isTopUp ? Self.toppedUpFlag : 0)
        if entries.count < size {
            entries.append(entry)
        } else {
            let old = entries[next]
            counts[Int(old & ~Self.toppedUpFlag)] -= 1
            if old & Self.toppedUpFlag != 0 { toppedUp[Int(old & ~Self.toppedUpFlag)] -= 1 }
            entries[next] = entry
            next = (next + 1) % size
        }
        counts[lane.rawValue] += 1
        if isTopUp { toppedUp[lane.rawValue] += 1 }
    }

    /// The share in `lane` or stronger.
    func share(atLeast lane: Lane) -> Double {
        guard !entries.isEmpty else { return 0 }
        return Double(counts[lane.rawValue...].reduce(0, +)) / Double(entries.count)
    }

    /// The share in `lane` or stronger that the profile put there (not top-ups).
    func organicShare(atLeast lane: Lane) -> Double {
        guard !entries.isEmpty else { return 0 }
        let organic = counts[lane.rawValue...].reduce(0, +) - toppedUp[lane.rawValue...].reduce(0, +)
        return Double(organic) / Double(entries.count)
    }

    /// The share that the profile released: released, or drawn up from release.
    var wouldReleaseShare: Double {
        guard !entries.isEmpty else { return 1 }
        return Double(counts[Lane.release.rawValue] + toppedUp.reduce(0, +)) / Double(entries.count)
    }
}
