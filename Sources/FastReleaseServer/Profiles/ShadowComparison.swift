public import FastReleaseCore
public import FastReleaseStore
import Foundation
public import Logging
public import ServiceLifecycle
import Synchronization

/// Shadow mode: a candidate profile decides every declaration beside the live one. Its
/// decisions are recorded (table `shadow_decisions`) and compared with the answers, which it
/// never changes or delays.
///
/// The candidate is kept in the store (`shadow_runs`): every instance sharing it runs the same
/// candidate (``followStore(compile:)``, on start and on each change another announces), and
/// the comparison is counted from every instance's shadow decisions, so it is the cluster's and
/// survives restarts.
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

    private let profile = Mutex<CompiledProfile?>(nil)
    private let log: any DecisionLog
    private let logger: Logger
    private let writes: BackgroundWrites

    /// Creates a comparison with no candidate, recording into `log`.
    public init(log: any DecisionLog, logger: Logger) {
        self.log = log
        self.logger = logger
        writes = BackgroundWrites { error in
            logger.warning("shadow decisions not recorded", metadata: ["error": "\(error)"])
        }
    }

    /// The candidate profile this instance runs, if any.
    public var candidate: CompiledProfile? { profile.withLock { $0 } }

    /// The comparison so far, counted over every instance's shadow decisions since the candidate started.
    public func summary() async throws -> Summary {
        guard let run = try await log.currentShadowRun() else { return Summary() }
        var summary = Summary(version: run.version, since: run.startedAt)
        for pair in try await log.shadowCounts(version: run.version, since: run.startedAt) {
            summary.compared += pair.count
            guard pair.live != pair.shadow else { continue }
            summary.differing += pair.count
            summary.byLanes["\(pair.live.name) → \(pair.shadow.name)", default: 0] += pair.count
        }
        return summary
    }

    /// Runs `candidate` (whose files are `files`, a bundle as JSON) in shadow on every instance
    /// from `time` on, starting the counts again.
    public func start(_ candidate: CompiledProfile, files: String, by who: String, at time: Int64) async throws {
        try await log.record(StoredShadowRun(version: candidate.version, files: files, startedAt: time, startedBy: who))
        profile.withLock { $0 = candidate }
    }

    /// Stops shadow mode on every instance.
    public func stop(at time: Int64) async throws {
        try await log.stopShadowRuns(at: time)
        profile.withLock { $0 = nil }
    }

    /// Runs the store's candidate here, compiling its files with `compile`, or none when none runs.
    public func followStore(compile: (ProfileBundle) async throws -> CompiledProfile) async {
        do {
            guard let run = try await log.currentShadowRun() else {
                profile.withLock { $0 = nil }
                return
            }
            if candidate?.version == run.version { return }
            let bundle = try StoredJSON.value(ProfileBundle.self, from: run.files)
            let compiled = try await compile(bundle)
            profile.withLock { $0 = compiled }
            logger.notice("shadow candidate taken from the store", metadata: ["profile.shadow": "\(compiled.version)"])
        } catch {
            logger.error("cannot follow the shadow candidate", metadata: ["error.message": "\(error)"])
        }
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
}
