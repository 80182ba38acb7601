public import FastReleaseCore
public import FastReleaseStore
public import Logging

#if canImport(Glibc)
    import Glibc
#endif

/// What the service answers for one declaration of a message.
public enum Answer: Sendable {
    /// A decision, durable in the log; `replay` when it is the one stored for an earlier send.
    case decision(StoredDecision, replay: Bool)
    /// A declaration or message that could not be decided.
    case error(DeclarationError)
}

/// Turns messages into durable answers: decide on the engine, record through the group
/// committer, then answer. Nothing is answered before it is in the decision log.
public final class DecisionService: Sendable {
    /// The decoding and scoring workers.
    public let engine: DecisionEngine
    /// The decision log (for reads).
    public let log: any DecisionLog
    private let committer: GroupCommitter
    private let metrics: ServiceMetrics
    private let logger: Logger
    private let changes: ChangeResolver
    /// The candidate profile decided in shadow, if any.
    public let shadow = ShadowComparison()

    /// Creates the service.
    public init(
        engine: DecisionEngine, log: any DecisionLog, maxBatchRows: Int, metrics: ServiceMetrics, logger: Logger
    ) {
        self.engine = engine
        self.log = log
        self.metrics = metrics
        self.logger = logger
        changes = ChangeResolver(log: log)
        committer = GroupCommitter(log: log, maxBatchRows: maxBatchRows) { rows, duration, failed in
            if failed { metrics.failed(kind: "store") } else { metrics.logWritten(rows: rows, duration: duration) }
        }
    }

    /// Decides one message and records its decisions.
    ///
    /// - Parameters:
    ///   - frame: the message.
    ///   - mayWait: queue even if the engine's queue is full (streams, and admitted requests).
    ///   - logger: the request's logger (decisions are logged with its metadata).
    /// - Returns: one answer per declaration (or error record), in document order.
    /// - Throws: ``DecisionEngine/Overloaded``, or the log's error when the decisions could not
    ///   be made durable (then nothing of the message may be answered as decided).
    public func answer(_ frame: MessageFrame, mayWait: Bool, logger: Logger? = nil) async throws -> [Answer] {
        let logger = logger ?? self.logger
        let clock = ContinuousClock()
        let started = clock.now
        let profile = engine.profile
        let receivedAt = CivilTime.now(offsetSeconds: profile.source.timeZoneOffsetSeconds)
        let receivedMilliseconds = Int64(nowMilliseconds())
        let records = try await engine.submit(frame, receivedAt: receivedAt, mayWait: mayWait)
        let decidedAt = Int64(nowMilliseconds())
        var stored: [StoredDecision] = []
        var refusals: [Int: DeclarationError] = [:]  // record index → why a change was refused
        for (index, record) in records.enumerated() {
            switch record {
            case .decision(let decision):
                stored.append(
                    StoredRecord.decision(
                        decision, decidedAt: decidedAt,
                        extraFields: Array(",\"received_ms\":\(receivedMilliseconds)".utf8)))
            case .change(let change, let decodeMicroseconds):
                switch try await changes.resolve(
                    change, decodeMicroseconds: decodeMicroseconds, profile: profile, receivedAt: receivedAt,
                    decidedAt: decidedAt)
                {
                case .record(let decision): stored.append(decision)
                case .refuse(let error): refusals[index] = error
                }
            case .error:
                break
            }
        }
        let outcomes = try await committer.record(stored)
        var next = outcomes.makeIterator()
        var decided: [(Decision, RecordOutcome)] = []
        let answers = records.enumerated().map { index, record -> Answer in
            if case .error(let error) = record { return refused(error, logger: logger) }
            if let error = refusals[index] { return refused(error, logger: logger) }
            let outcome = next.next()!
            if case .decision(let decision) = record { decided.append((decision, outcome)) }
            metrics.decided(lane: outcome.decision.lane, replay: outcome.isReplay)
            logger.debug(
                "declaration decided",
                metadata: [
                    "declaration.id": "\(outcome.decision.key.declarationID)",
                    "declaration.declarant": "\(outcome.decision.key.declarant)",
                    "decision.lane": "\(outcome.decision.lane)", "decision.replay": "\(outcome.isReplay)",
                ])
            return .decision(outcome.decision, replay: outcome.isReplay)
        }
        decideInShadow(decided, decidedAt: decidedAt)
        metrics.messageAnswered(after: clock.now - started)
        return answers
    }

    /// Decides the message's new declarations with the shadow candidate, counts the differences
    /// and records the candidate's decisions in the background: answers never wait for it.
    private func decideInShadow(_ decided: [(Decision, RecordOutcome)], decidedAt: Int64) {
        guard let candidate = shadow.candidate else { return }
        let scorer = Scorer(profile: candidate)
        var rows: [StoredShadowDecision] = []
        for (live, outcome) in decided where !outcome.isReplay {
            guard let declaration = live.declaration else { continue }
            let decision = scorer.score(declaration, receivedAt: live.asOf)
            shadow.count(version: candidate.version, live: live.lane.name, shadow: decision.lane.name)
            var payload: [UInt8] = []
            JSONLinesEncoder().encode(decision, into: &payload)
            payload.removeLast()
            rows.append(
                StoredShadowDecision(
                    shadowVersion: candidate.version, key: outcome.decision.key, liveLane: live.lane.name,
                    shadowLane: decision.lane.name, decidedAt: decidedAt,
                    payload: String(decoding: payload, as: UTF8.self)))
        }
        guard !rows.isEmpty else { return }
        let log = self.log
        let logger = self.logger
        Task {
            do {
                try await log.record(shadow: rows)
            } catch {
                logger.warning("shadow decisions not recorded", metadata: ["error": "\(error)"])
            }
        }
    }

    private func refused(_ error: DeclarationError, logger: Logger) -> Answer {
        metrics.failed(kind: error.code.name)
        logger.notice(
            "declaration not decided",
            metadata: [
                "declaration.id": "\(error.declarationID)", "message.id": "\(error.messageID)",
                "error.code": "\(error.code.name)", "error.position": "\(error.position)",
            ])
        return .error(error)
    }

    private func nowMilliseconds() -> Int {
        var spec = timespec()
        clock_gettime(CLOCK_REALTIME, &spec)
        return spec.tv_sec * 1000 + spec.tv_nsec / 1_000_000
    }
}
