public import FastReleaseCore
import FastReleaseStore
import Synchronization

/// Shadow mode: a candidate profile decides every declaration beside the live one. Its
/// decisions are recorded (table `shadow_decisions`) and compared with the answers, which it
/// never changes.
public final class ShadowComparison: Sendable {
    /// What the comparison has seen since the candidate started.
    public struct Summary: Sendable {
        /// The candidate's version, `nil` when no shadow runs.
        public var version: String?
        /// When it started, milliseconds since 1970.
        public var since: Int64 = 0
        /// Declarations decided by both.
        public var compared = 0
        /// Of them, with a different lane.
        public var differing = 0
        /// Counts by `live → shadow` lane pair, differences only.
        public var byLanes: [String: Int] = [:]
    }

    private struct State {
        var profile: CompiledProfile?
        var summary = Summary()
    }

    private let state = Mutex(State())

    /// Creates a comparison with no candidate.
    public init() {}

    /// The candidate profile, if one runs.
    public var candidate: CompiledProfile? { state.withLock { $0.profile } }

    /// What has been compared so far.
    public var summary: Summary { state.withLock { $0.summary } }

    /// Runs `profile` in shadow from now on, starting the counts again.
    public func start(_ profile: CompiledProfile, at time: Int64) {
        state.withLock { state in
            state.profile = profile
            state.summary = Summary(version: profile.version, since: time)
        }
    }

    /// Stops shadow mode.
    public func stop() {
        state.withLock { $0 = State() }
    }

    /// Counts one declaration decided by both (unless the candidate changed meanwhile).
    func count(version: String, live: String, shadow: String) {
        state.withLock { state in
            guard state.summary.version == version else { return }
            state.summary.compared += 1
            if live != shadow {
                state.summary.differing += 1
                state.summary.byLanes["\(live) → \(shadow)", default: 0] += 1
            }
        }
    }
}
