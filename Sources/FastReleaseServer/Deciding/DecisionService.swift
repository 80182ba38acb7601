public import FastReleaseCore
public import FastReleaseStore
public import Logging

/// Turns messages into durable answers: decide on the engine, record through the group
/// committer, then answer. Nothing is answered before it is in the decision log.
public final class DecisionService: Sendable {
    /// The decoding and scoring workers.
    public let engine: DecisionEngine
    /// The decision log (for reads).
    public let log: any DecisionLog
    /// Writes decisions in shared transactions; a service of the application's group.
    public let committer: GroupCommitter
    /// The candidate profile decided in shadow, if any.
    public let shadow: ShadowComparison
    private let metrics: ServiceMetrics
    private let logger: Logger
    private let changes: ChangeResolver
    private let clock: WallClock

    /// Creates the service.
    ///
    /// - Parameters:
    ///   - engine: the workers.
    ///   - log: the decision log.
    ///   - maxBatchRows: the most rows in one log transaction.
    ///   - metrics: where to count.
    ///   - clock: the time decisions are received and made at.
    ///   - logger: the service's logger.
    public init(
        engine: DecisionEngine, log: any DecisionLog, maxBatchRows: Int, metrics: ServiceMetrics,
        clock: WallClock = .system, logger: Logger
    ) {
        self.engine = engine
        self.log = log
        self.metrics = metrics
        self.logger = logger
        self.clock = clock
        changes = ChangeResolver(log: log)
        shadow = ShadowComparison(log: log, logger: logger)
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
        let started = ContinuousClock.now
        let profile = engine.profile
        let receivedAt = clock.civil(offsetSeconds: profile.source.timeZoneOffsetSeconds)
        let receivedMilliseconds = clock.milliseconds()
        let records = try await engine.submit(frame, receivedAt: receivedAt, mayWait: mayWait)
        let decidedAt = clock.milliseconds()
        var pending: [PendingRecord] = []
        var refusals: [Int: DeclarationError] = [:]  // record index → why a change was refused
        for (index, record) in records.enumerated() {
            switch record {
            case .decision(let decision):
                pending.append(
                    DecisionRecords.scored(
                        decision, decidedAt: decidedAt,
                        extras: PayloadExtras(receivedMilliseconds: receivedMilliseconds)
                    ))
            case .change(let change, let decodeMicroseconds):
                switch try await changes.resolve(
                    change, decodeMicroseconds: decodeMicroseconds, profile: profile, receivedAt: receivedAt,
                    decidedAt: decidedAt)
                {
                case .record(let record): pending.append(record)
                case .refuse(let error): refusals[index] = error
                }
            case .error:
                break
            }
        }
        let outcomes = try await committer.record(pending.map(\.stored))
        var next = zip(pending, outcomes).makeIterator()
        var decided: [(Decision, RecordOutcome)] = []
        let answers = records.enumerated().map { index, record -> Answer in
            if case .error(let error) = record { return refused(error, logger: logger) }
            if let error = refusals[index] { return refused(error, logger: logger) }
            let (written, outcome) = next.next()!
            if case .decision(let decision) = record { decided.append((decision, outcome)) }
            metrics.decided(lane: outcome.decision.lane, replay: outcome.isReplay)
            logger.debug(
                "declaration decided",
                metadata: [
                    "declaration.id": "\(outcome.decision.key.declarationID)",
                    "declaration.declarant": "\(outcome.decision.key.declarant)",
                    "decision.lane": "\(outcome.decision.lane)", "decision.replay": "\(outcome.isReplay)",
                ])
            return .decision(
                AnsweredDecision(stored: outcome.decision, replay: outcome.isReplay, freshMembers: written.members))
        }
        shadow.decide(decided, decidedAt: decidedAt)
        metrics.messageAnswered(after: ContinuousClock.now - started)
        return answers
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
}
