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
    /// The reference state: loaded, changed and refreshed from the log; a service of the group.
    public let state: StateKeeper
    /// Expected-rate top-ups and examiner draws, in the order decisions are made.
    let selection: SelectionCounter

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
        state = StateKeeper(live: engine.reference, log: log, clock: clock, logger: logger)
        shadow = ShadowComparison(log: log, logger: logger)
        selection = SelectionCounter(policy: engine.profile.source.sampling)
        committer = GroupCommitter(log: log, maxBatchRows: maxBatchRows) { rows, duration, failed in
            if failed { metrics.failed(kind: "store") } else { metrics.logWritten(rows: rows, duration: duration) }
        }
    }

    /// Counts the decisions the log holds from `from` (milliseconds since 1970), oldest first, so
    /// that examiners' workloads and the ports' rolling windows go on from where they were.
    /// Nothing is read when the profile has no expected rates and the state no roster.
    public func primeSelection(since from: Int64) async throws {
        let policy = engine.profile.source.sampling
        guard SelectionDesk.isNeeded(policy: policy, roster: engine.reference.current?.roster ?? []) else { return }
        var read = 0
        for try await page in log.selectionPages(decidedFrom: from, to: Int64.max) {
            for row in page {
                guard let lane = row.lane.lane else { continue }
                selection.count(lane: lane, port: row.port, toppedUp: row.toppedUp, examiner: row.examiner)
            }
            read += page.count
        }
        logger.info("selection counts read from the log", metadata: ["selection.decisions": "\(read)"])
    }

    /// Admits a request of `count` messages whole, or refuses it (counted in
    /// `fastrelease_errors_total{kind="overloaded"}`): see ``DecisionEngine/admit(_:)``.
    public func admit(messages count: Int) -> DecisionEngine.Admission? {
        guard let admission = engine.admit(count) else {
            metrics.failed(kind: "overloaded")
            return nil
        }
        return admission
    }

    /// Decides one message and records its decisions.
    ///
    /// - Parameters:
    ///   - frame: the message.
    ///   - mayWait: queue even if the engine's queue is full (streams, which bound themselves).
    ///   - admission: the admitted request the message belongs to, whose room it takes.
    ///   - logger: the request's logger (decisions are logged with its metadata).
    /// - Returns: one answer per declaration (or error record), in document order.
    /// - Throws: ``DecisionEngine/Overloaded``, or the log's error when the decisions could not
    ///   be made durable (then nothing of the message may be answered as decided).
    public func answer(
        _ frame: MessageFrame, mayWait: Bool = false, admission: DecisionEngine.Admission? = nil,
        logger: Logger? = nil
    ) async throws -> [Answer] {
        let received = Received(clock: clock, profile: engine.profile)
        let records = try await engine.submit(
            frame, receivedAt: received.at, mayWait: mayWait, admission: admission)
        return try await answer(records, received, logger: logger ?? self.logger)
    }

    /// Decides a whole request body, when it parses as one message, and records its decisions:
    /// see ``DecisionEngine/submitWhole(_:receivedAt:admission:)``.
    ///
    /// - Returns: one answer per declaration (or error record), in document order; `nil`, with
    ///   nothing decided or recorded, when the body does not parse as one message.
    /// - Throws: as ``answer(_:mayWait:admission:logger:)`` does.
    public func answerWhole(
        _ frame: MessageFrame, admission: DecisionEngine.Admission, logger: Logger? = nil
    ) async throws -> [Answer]? {
        let received = Received(clock: clock, profile: engine.profile)
        guard let records = try await engine.submitWhole(frame, receivedAt: received.at, admission: admission)
        else { return nil }
        return try await answer(records, received, logger: logger ?? self.logger)
    }

    /// When a message was received, and the profile in force then.
    private struct Received {
        let started = ContinuousClock.now
        let profile: CompiledProfile
        let at: CivilTime
        let milliseconds: Int64

        init(clock: WallClock, profile: CompiledProfile) {
            self.profile = profile
            at = clock.civil(offsetSeconds: profile.source.timeZoneOffsetSeconds)
            milliseconds = clock.milliseconds()
        }
    }

    /// Records the workers' records of one message, then answers each.
    ///
    /// Each record is moved out of the list to be resolved, not copied (a decision holds its
    /// whole declaration); the few that may be decided again (those that write off lots, and
    /// changes, which may give lots back) are kept beside their rows, and the live decisions
    /// are kept while a candidate profile runs in shadow.
    private func answer(
        _ records: consuming [DecisionRecord], _ received: Received, logger: Logger
    ) async throws -> [Answer] {
        let started = received.started
        let context = Context(
            profile: received.profile, receivedAt: received.at, receivedMilliseconds: received.milliseconds,
            decidedAt: clock.milliseconds())
        let count = records.count
        // The live decisions for the candidate profile, gathered only while one runs in shadow.
        let comparing = shadow.candidate != nil
        var pending: [PendingRecord] = []
        var refusals: [Int: DeclarationError] = [:]  // record index → its error, or why a change was refused
        var live: [Int: Decision] = [:]  // record index → its decision, while comparing
        var retry: [Int: DecisionRecord] = [:]  // pending row → its record, when it may be decided again
        var records = records
        records.withUnsafeMutableBufferPointer { $0.reverse() }
        var index = 0
        while let record = records.popLast() {
            defer { index += 1 }
            if case .error(let error) = record {
                refusals[index] = error
                continue
            }
            if comparing, case .decision(let decision) = record { live[index] = decision }
            let kept = record.mayBeDecidedAgain ? record : nil
            switch try await resolve(record, context, again: false) {
            case .record(let row):
                if let kept { retry[pending.count] = kept }
                pending.append(row)
            case .refuse(let error): refusals[index] = error
            case nil: break
            }
        }
        var outcomes = try await committer.record(pending.map(\.stored))
        try await decideOverdrawnAgain(&pending, &outcomes, retry: retry, context)
        if outcomes.contains(where: { if case .recorded(let stored) = $0 { !stored.claims.isEmpty } else { false } }) {
            // What the lots have left now, as the log says: the next declarations see it.
            try await state.refreshBalances()
        }
        var next = 0  // the pending row of the next record that has one
        var decided: [(Decision, RecordOutcome)] = []
        let answers = (0..<count).map { index -> Answer in
            if let error = refusals[index] { return refused(error, logger: logger) }
            let row = next
            next += 1
            let outcome = outcomes[row]
            if let decision = live[index] { decided.append((decision, outcome)) }
            metrics.decided(lane: outcome.decision.lane, replay: outcome.isReplay)
            logger.debug(
                "declaration decided",
                metadata: [
                    "declaration.id": "\(outcome.decision.key.declarationID)",
                    "declaration.declarant": "\(outcome.decision.key.declarant)",
                    "decision.lane": "\(outcome.decision.lane)", "decision.replay": "\(outcome.isReplay)",
                ])
            return .decision(
                AnsweredDecision(
                    stored: outcome.decision, replay: outcome.isReplay, freshMembers: pending[row].members,
                    traderNotices: outcome.isReplay ? nil : pending[row].notices))
        }
        if comparing { shadow.decide(decided, decidedAt: context.decidedAt) }
        metrics.messageAnswered(after: ContinuousClock.now - started)
        return answers
    }

    /// What one message's decisions are made with.
    private struct Context: Sendable {
        let profile: CompiledProfile
        let receivedAt: CivilTime
        let receivedMilliseconds: Int64
        let decidedAt: Int64
    }

    /// The row to record for a worker's record: its decision, or a change resolved against the
    /// log; `again` decides a declaration anew against the reference state in force now.
    private func resolve(
        _ record: consuming DecisionRecord, _ context: Context, again: Bool, state: ReferenceState? = nil
    ) async throws -> ChangeResolver.Resolution? {
        // One pattern per case, so that the decision is moved out of the record, not copied.
        switch consume record {
        case .decision(var decision):
            if again, let declaration = decision.declaration {
                decision = Scorer(profile: context.profile).score(
                    declaration, receivedAt: context.receivedAt, drawnAt: context.receivedAt,
                    decodeMicroseconds: decision.timing.decodeMicroseconds, state: state)
                decision.declaration = declaration
            }
            selection.settle(
                &decision, policy: context.profile.source.sampling, roster: engine.reference.current?.roster ?? [])
            return .record(
                DecisionRecords.scored(
                    decision, decidedAt: context.decidedAt,
                    extras: PayloadExtras(receivedMilliseconds: context.receivedMilliseconds)))
        case .change(let change, let decodeMicroseconds):
            return try await changes.resolve(
                change, decodeMicroseconds: decodeMicroseconds, profile: context.profile,
                state: again ? state : engine.reference.current, receivedAt: context.receivedAt,
                decidedAt: context.decidedAt)
        case .error:
            return nil
        }
    }

    /// Decides again, against the lots' balances as the log has them now, every declaration
    /// whose write-off the log refused because another decision took what was left, and records
    /// it; a few rounds settle any race between instances. `retry` holds, by pending row, the
    /// worker's record of every row that may be decided again.
    private func decideOverdrawnAgain(
        _ pending: inout [PendingRecord], _ outcomes: inout [RecordOutcome], retry: [Int: DecisionRecord],
        _ context: Context
    ) async throws {
        for _ in 0..<Self.writeOffRounds {
            let overdrawn = outcomes.indices.filter { if case .overdrawn = outcomes[$0] { true } else { false } }
            guard !overdrawn.isEmpty else { return }
            try await state.refreshBalances()
            // Decided one after another, each against what the ones before it take, so that
            // their figures follow on.
            var snapshot = engine.reference.current
            var again: [PendingRecord] = []
            for index in overdrawn {
                guard let record = retry[index],
                    case .record(let row) = try await resolve(record, context, again: true, state: snapshot)
                else {
                    throw DecisionLogError("a change could not be decided again after its lot ran out; send it again")
                }
                snapshot?.apply(row.stored.claims)
                again.append(row)
            }
            let settled = try await committer.record(again.map(\.stored))
            for (number, index) in overdrawn.enumerated() {
                pending[index] = again[number]
                outcomes[index] = settled[number]
            }
        }
        if case .overdrawn(_, let lot)? = outcomes.first(where: { if case .overdrawn = $0 { true } else { false } }) {
            throw DecisionLogError("lot \(lot) is being written off by many declarations at once; send again")
        }
    }

    private static let writeOffRounds = 6

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

extension DecisionRecord {
    /// Whether the record may have to be decided again after the log refused its row: a
    /// decision that writes off lots (another may have taken what was left) or a change (an
    /// amendment gives back what its revision wrote off and may take more).
    fileprivate var mayBeDecidedAgain: Bool {
        switch self {
        case .decision(let decision): !decision.writeOffs.isEmpty
        case .change: true
        case .error: false
        }
    }
}
