import Dispatch
import Synchronization

#if canImport(Glibc)
    import Glibc
#endif

/// Decodes, scores and encodes a stream of messages on all cores, writing results in input order.
///
/// The reader (the caller's thread) cuts the input into messages and puts them in a shared
/// queue; one Dispatch worker per thread, each with its own decoder and scorer, takes the next
/// message, decides it and files the encoded result by its place in the input; a writer task
/// writes results strictly in that order. At most `maxMessagesInFlight` messages and
/// `maxBytesInFlight` input bytes are between reader and writer, so memory is bounded by those
/// limits, not by the input size, and a long message on one worker never idles the others.
///
/// ```swift
/// let pipeline = ScoringPipeline(profile: compiled, encoder: JSONLinesEncoder(), options: .init(threads: 2)) {
///     XMLMessageDecoder()
/// }
/// let summary = try pipeline.run(&frames, sink: sink)  // any ByteSink: a file, standard output
/// ```
public final class ScoringPipeline: Sendable {
    /// How the pipeline divides work.
    public struct Options: Sendable {
        /// Worker threads.
        public var threads: Int
        /// Most messages read but not yet written.
        public var maxMessagesInFlight: Int
        /// Most input bytes read but not yet written (one larger message is still let through).
        public var maxBytesInFlight: Int
        /// The time declarations that state none are judged at (the time the run starts).
        public var clock: WallClock
        /// The reference state rules naming evidence are judged against, and lots written off
        /// from, in input order; `nil` for none.
        public var state: ReferenceState?

        /// Creates options; `threads` defaults to the number of active cores.
        public init(
            threads: Int? = nil, maxMessagesInFlight: Int = 256, maxBytesInFlight: Int = 16 << 20,
            clock: WallClock = .system, state: ReferenceState? = nil
        ) {
            self.threads = max(1, threads ?? ProcessorCount.active)
            self.maxMessagesInFlight = max(1, maxMessagesInFlight)
            self.maxBytesInFlight = max(1, maxBytesInFlight)
            self.clock = clock
            self.state = state
        }
    }

    private let profile: CompiledProfile
    private let encoder: any DecisionEncoder
    private let options: Options
    private let workers: WorkerPool

    /// Creates a pipeline.
    ///
    /// - Parameters:
    ///   - profile: the compiled profile to score against.
    ///   - encoder: the output format.
    ///   - options: threads and limits.
    ///   - makeDecoder: makes one decoder per worker.
    public init(
        profile: CompiledProfile, encoder: any DecisionEncoder, options: Options = Options(),
        makeDecoder: () -> any MessageDecoder
    ) {
        self.profile = profile
        self.encoder = encoder
        self.options = options
        workers = WorkerPool((0..<options.threads).map { _ in Worker(decoder: makeDecoder(), profile: profile) })
    }

    /// Runs the whole input through the pipeline.
    ///
    /// - Returns: counts per lane, errors and speed.
    /// - Throws: the first error the sink raised (reading stops after it).
    public func run(_ frames: inout some FrameSource, sink: some ByteSink) throws -> PipelineSummary {
        let started = MonotonicClock.nanoseconds()
        try sink.write(encoder.header)
        let queue = OrderedWorkQueue(maxMessages: options.maxMessagesInFlight, maxBytes: options.maxBytesInFlight)
        let receivedAt = options.clock.civil(offsetSeconds: profile.source.timeZoneOffsetSeconds)
        let roster = options.state?.roster ?? []
        let desk =
            SelectionDesk.isNeeded(policy: profile.source.sampling, roster: roster)
            ? SelectionDesk(policy: profile.source.sampling) : nil
        let inOrder = desk != nil
        // Each worker and the writer get a serial queue of their own: such queues run on
        // overcommitting threads, so every one starts at once. On the shared global queue,
        // whose threads number the cores, the writer waited behind the workers (which block in
        // the work queue, unseen by Dispatch) until Dispatch added a thread, about 0.75 s into
        // a run on two cores, while the workers stood with the input window full.
        let group = DispatchGroup()
        for number in 0..<workers.count {
            DispatchQueue(label: "fastrelease.pipeline.worker-\(number)", qos: .userInitiated).async(group: group) {
                let worker = self.workers[number]
                while let (slot, frame) = queue.nextMessage() {
                    queue.finish(
                        slot,
                        with: worker.handle(
                            frame, encoder: self.encoder, receivedAt: receivedAt, state: self.options.state,
                            allInOrder: inOrder))
                }
            }
        }
        let writer = DispatchGroup()
        let outcome = Mutex<(summary: PipelineSummary, error: (any Error)?)>((PipelineSummary(), nil))
        let ledger = options.state.map { WriteOffLedger(state: $0, profile: profile) }
        let ledgerHolder = LedgerHolder(ledger, desk: desk, roster: roster)
        DispatchQueue(label: "fastrelease.pipeline.writer", qos: .userInitiated).async(group: writer) {
            while var result = queue.nextResult() {
                do {
                    try self.write(&result, to: sink, writer: ledgerHolder, receivedAt: receivedAt)
                    outcome.withLock { $0.summary.add(result.summary) }
                } catch {
                    outcome.withLock { $0.error = error }
                    queue.abandon()
                }
            }
        }
        while let frame = frames.next(), queue.submit(frame) {}
        queue.endOfInput()
        group.wait()
        writer.wait()
        if let error = outcome.withLock({ $0.error }) { throw error }
        try sink.write(encoder.footer)
        var summary = outcome.withLock { $0.summary }
        summary.lots = ledger?.balances ?? []
        summary.elapsedSeconds = Double(MonotonicClock.nanoseconds() - started) / 1e9
        return summary
    }

    /// Writes one message's output; decisions left unsettled are settled in input order (those
    /// that rest on lots against the ledger, then every one at the selection desk, when there is
    /// one). The worker's bytes are written as they are when settling changed none of them (the
    /// usual case: top-ups are rare and examiners need a roster); else the message's output is
    /// rebuilt with the changed decisions encoded again where the worker left their place.
    private func write(
        _ result: inout FrameResult, to sink: some ByteSink, writer: LedgerHolder, receivedAt: CivilTime
    )
        throws
    {
        guard !result.unsettled.isEmpty else { return try sink.write(result.bytes) }
        var changed = false
        for index in result.unsettled.indices {
            let encodedLength = result.unsettled[index].length
            changed =
                settle(
                    &result.unsettled[index].decision, encodedLength: encodedLength, writer: writer,
                    receivedAt: receivedAt)
                || changed
            result.summary.laneCounts[result.unsettled[index].decision.lane.rawValue] += 1
        }
        guard changed else { return try sink.write(result.bytes) }
        var bytes: [UInt8] = []
        var written = 0
        for (offset, length, decision) in result.unsettled {
            bytes += result.bytes[written..<offset]
            written = offset + length
            if Self.mustEncode(decision, encodedLength: length) {
                encoder.encode(decision, into: &bytes)
            } else {
                bytes += result.bytes[offset..<written]  // the desk changed nothing: the worker's bytes stand
            }
        }
        bytes += result.bytes[written...]
        try sink.write(bytes)
    }

    /// Settles one decision in input order: against the ledger when it rests on lots, then at the
    /// selection desk. True when its bytes must be encoded (again): ``mustEncode(_:encodedLength:)``.
    private func settle(
        _ decision: inout Decision, encodedLength: Int, writer: LedgerHolder, receivedAt: CivilTime
    ) -> Bool {
        if let ledger = writer.ledger, decision.declaration != nil {
            decision = ledger.settle(decision, receivedAt: receivedAt)
        }
        decision.declaration = nil
        writer.desk?.settle(&decision, roster: writer.roster)
        return Self.mustEncode(decision, encodedLength: encodedLength)
    }

    /// Whether a settled decision's bytes must be encoded (again): the worker left none
    /// (`encodedLength` 0), or the desk drew it up or gave it an examiner.
    private static func mustEncode(_ decision: Decision, encodedLength: Int) -> Bool {
        encodedLength == 0 || decision.topUp != nil || decision.examiner != nil
    }
}

/// One message's encoded output and counts.
struct FrameResult: Sendable {
    var bytes: [UInt8] = []
    var summary = PipelineSummary()
    /// Decisions the writer settles in input order, not yet counted, with the place in `bytes`
    /// where each belongs and the length the worker encoded it in there (0: not encoded, for
    /// decisions that rest on lots; else the bytes stand unless the selection desk changes it).
    var unsettled: [(offset: Int, length: Int, decision: Decision)] = []
}

/// The ledger and the selection desk, handed to the writer task. `@unchecked Sendable`: only the
/// writer touches them until the run ends, and the summary reads them after the writer is done.
private final class LedgerHolder: @unchecked Sendable {
    let ledger: WriteOffLedger?
    let desk: SelectionDesk?
    let roster: [RosterShift]
    init(_ ledger: WriteOffLedger?, desk: SelectionDesk?, roster: [RosterShift]) {
        self.ledger = ledger
        self.desk = desk
        self.roster = roster
    }
}

/// A decider and the encoder's output, used by one worker at a time.
final class Worker {
    let decider: MessageDecider
    let profile: CompiledProfile

    init(decoder: any MessageDecoder, profile: CompiledProfile) {
        decider = MessageDecider(decoder: decoder, profile: profile)
        self.profile = profile
    }

    /// Decides a message; decisions that rest on lots, or every decision when `allInOrder`, are
    /// left for the writer to settle in input order.
    func handle(
        _ frame: MessageFrame, encoder: any DecisionEncoder, receivedAt: CivilTime, state: ReferenceState?,
        allInOrder: Bool = false
    ) -> FrameResult {
        var result = FrameResult()
        // Decisions take about a quarter of the bytes of their declarations' XML: reserved at
        // once, the output is not copied again and again as it grows.
        result.bytes.reserveCapacity(frame.bytes.count / 4)
        decider.decide(frame, profile: profile, receivedAt: receivedAt, drawnAt: receivedAt, state: state) { record in
            // One pattern per case, so that the decision is moved, never copied, into `unsettled`.
            switch consume record {
            case .decision(let decision):
                if decision.declaration != nil {
                    result.unsettled.append((result.bytes.count, 0, decision))
                } else if allInOrder {
                    let offset = result.bytes.count
                    encoder.encode(decision, into: &result.bytes)
                    result.unsettled.append((offset, result.bytes.count - offset, decision))
                } else {
                    encoder.encode(decision, into: &result.bytes)
                    result.summary.laneCounts[decision.lane.rawValue] += 1
                }
            case .error(let error):
                encoder.encode(error, into: &result.bytes)
                result.summary.errors += 1
            case .change:
                preconditionFailure("the command-line decider decides changes without history")
            }
        }
        result.summary.messages = frame.problem == nil ? decider.messagesInLastFrame : 1
        return result
    }
}

/// The pipeline's workers. `@unchecked Sendable`: worker `n` is only touched by
/// `concurrentPerform` iteration `n`, and batches are processed one at a time on a serial queue.
final class WorkerPool: @unchecked Sendable {
    private let workers: [Worker]
    init(_ workers: [Worker]) { self.workers = workers }
    var count: Int { workers.count }
    subscript(number: Int) -> Worker { workers[number] }
}
