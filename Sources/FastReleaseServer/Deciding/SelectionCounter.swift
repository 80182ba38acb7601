import FastReleaseCore
import Synchronization

/// The service's selection desk (``SelectionDesk``: expected-rate top-ups and examiner draws),
/// shared by every request and fed decisions one at a time, in the order they are made. It
/// counts what this instance decided since it started, after the decisions of the current day
/// that the log held at start (``count(lane:port:toppedUp:examiner:)``); a profile whose sampling differs
/// starts a new desk, counting from nothing.
final class SelectionCounter: Sendable {
    private struct Held {
        var desk: SelectionDesk
        var policy: SamplingPolicy
    }

    private let held: Mutex<Held>

    init(policy: SamplingPolicy) {
        held = Mutex(Held(desk: SelectionDesk(policy: policy), policy: policy))
    }

    /// Settles a decision made with `policy` (a profile change starts a new desk).
    func settle(_ decision: inout Decision, policy: SamplingPolicy, roster: [RosterShift]) {
        guard SelectionDesk.isNeeded(policy: policy, roster: roster) else { return }
        var settling = decision
        held.withLock { held in
            if held.policy != policy { held = Held(desk: SelectionDesk(policy: policy), policy: policy) }
            held.desk.settle(&settling, roster: roster)
        }
        decision = settling
    }

    /// Counts a decision read back from the log.
    func count(lane: Lane, port: String, toppedUp: Bool, examiner: (code: String, day: String)?) {
        held.withLock { $0.desk.count(lane: lane, port: port, toppedUp: toppedUp, examiner: examiner) }
    }

    /// Examiners' workloads on a day, for tests and the dashboard.
    func workloads(on day: String) -> [String: Int] {
        held.withLock { $0.desk.workloads(on: day) }
    }
}
