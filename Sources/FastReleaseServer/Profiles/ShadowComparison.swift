public import FastReleaseCore
public import FastReleaseStore
public import Logging
public import ServiceLifecycle
import Synchronization

/// Shadow mode: a candidate profile decides every declaration beside the live one. Its
/// decisions are recorded (table `shadow_decisions`) and compared with the answers, which it
/// never changes or delays.
///
/// A service of the application's group: its writes happen in the background, and on shutdown
/// ``run()`` waits until every one has finished.
public final class ShadowComparison: Service, Sendable {
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
    private let log: any DecisionLog
    private let writes: BackgroundWrites

    /// Creates a comparison with no candidate, recording into `log`.
    public init(log: any DecisionLog, logger: Logger) {
        self.log = log
        writes = BackgroundWrites { error in
            logger.warning("shadow decisions not recorded", metadata: ["error": "\(error)"])
        }
    }

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

    /// Waits for the end, then for every shadow write still in flight.
    public func run() async throws {
        try? await gracefulShutdown()
        await writes.drain()
    }

    /// Decides a message's new declarations with the candidate, counts the differences and
    /// records the candidate's decisions in the background.
    func decide(_ decided: [(Decision, RecordOutcome)], decidedAt: Int64) {
        guard let candidate else { return }
        let scorer = Scorer(profile: candidate)
        let encoder = JSONLinesEncoder()
        var rows: [StoredShadowDecision] = []
        for (live, outcome) in decided where !outcome.isReplay {
            guard let declaration = live.declaration else { continue }
            let decision = scorer.score(declaration, receivedAt: live.asOf, drawnAt: live.sampling.at)
            count(version: candidate.version, live: live.lane, shadow: decision.lane)
            var payload: [UInt8] = []
            encoder.appendObject(of: decision, into: &payload)
            rows.append(
                StoredShadowDecision(
                    shadowVersion: candidate.version, key: outcome.decision.key, liveLane: .decided(live.lane),
                    shadowLane: .decided(decision.lane), decidedAt: decidedAt,
                    payload: String(decoding: payload, as: UTF8.self)))
        }
        guard !rows.isEmpty else { return }
        let log = self.log
        let finished = rows
        writes.start { try await log.record(shadow: finished) }
    }

    /// Counts one declaration decided by both (unless the candidate changed meanwhile).
    private func count(version: String, live: Lane, shadow: Lane) {
        state.withLock { state in
            guard state.summary.version == version else { return }
            state.summary.compared += 1
            if live != shadow {
                state.summary.differing += 1
                state.summary.byLanes["\(live.name) → \(shadow.name)", default: 0] += 1
            }
        }
    }
}
