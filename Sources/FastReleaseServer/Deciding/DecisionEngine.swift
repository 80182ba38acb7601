import DequeModule
import Dispatch
public import FastReleaseCore
public import FastReleaseXML
import Synchronization

/// Decodes and scores messages for the service on a fixed set of Dispatch workers, off the
/// HTTP event loops, with a bounded queue.
///
/// Each worker owns a ``MessageDecider`` (a libxml2 parser and a scorer). Requests hand in
/// messages and wait; when every worker is busy, messages wait in a queue of at most
/// `queueDepth`. A request is admitted whole or not at all: ``admit(_:)`` reserves room for all
/// its messages in one step under the engine's lock, so that concurrent requests can never
/// together overfill the queue, and its messages then take that room. A message submitted
/// without an admission is refused with ``Overloaded`` when there is no room, unless the caller
/// is a stream, whose own window bounds what it adds.
public final class DecisionEngine: Sendable {
    /// The queue is full: try again later.
    public struct Overloaded: Error, Sendable {}

    /// Room reserved for a request's messages; what they do not take is given back when it is
    /// released (at the latest when the admission goes away).
    public final class Admission: Sendable {
        private let engine: DecisionEngine
        private let remaining: Mutex<Int>

        fileprivate init(engine: DecisionEngine, count: Int) {
            self.engine = engine
            remaining = Mutex(count)
        }

        /// Takes one message's place; false when every place was taken.
        fileprivate func take() -> Bool {
            remaining.withLock { remaining in
                guard remaining > 0 else { return false }
                remaining -= 1
                return true
            }
        }

        deinit { engine.release(remaining.withLock { $0 }) }
    }

    private struct Job {
        let frame: MessageFrame
        let receivedAt: CivilTime
        let continuation: CheckedContinuation<[DecisionRecord]?, Never>
    }

    private struct State {
        var idle: [WorkerBox]
        var queue = Deque<Job>()
        /// Places admitted requests hold for messages not yet submitted.
        var reserved = 0
    }

    private let live: LiveProfile
    /// The reference state the workers score with.
    public let reference: LiveState
    private let queueDepth: Int
    private let state: Mutex<State>
    private let onQueueChange: @Sendable (Int) -> Void

    /// Creates an engine.
    ///
    /// - Parameters:
    ///   - profile: the live profile.
    ///   - reference: the live reference state.
    ///   - workers: decoding threads.
    ///   - queueDepth: messages that may wait.
    ///   - limits: XML limits.
    ///   - onQueueChange: told the queue depth whenever it changes (for metrics).
    public init(
        profile: LiveProfile, reference: LiveState = LiveState(), workers: Int, queueDepth: Int, limits: XMLLimits,
        onQueueChange: @escaping @Sendable (Int) -> Void = { _ in }
    ) {
        live = profile
        self.reference = reference
        self.queueDepth = queueDepth
        self.onQueueChange = onQueueChange
        let current = profile.current
        state = Mutex(
            State(
                idle: (0..<max(1, workers)).map { _ in
                    WorkerBox(
                        MessageDecider(
                            decoder: XMLMessageDecoder(limits: limits), profile: current, changes: .holdBack))
                }))
    }

    /// The profile in force.
    public var profile: CompiledProfile { live.current }

    /// Reserves room for `count` messages, all or none: the admission of one request.
    ///
    /// - Returns: the reservation, or nil when the idle workers and the free places of the
    ///   queue, less what other admitted requests hold, cannot take `count` messages.
    public func admit(_ count: Int) -> Admission? {
        let admitted = state.withLock { state in
            guard state.idle.count + (queueDepth - state.queue.count) - state.reserved >= count else { return false }
            state.reserved += count
            return true
        }
        return admitted ? Admission(engine: self, count: count) : nil
    }

    /// Gives back places an admission did not take.
    private func release(_ count: Int) {
        guard count > 0 else { return }
        state.withLock { $0.reserved -= count }
    }

    /// Decides one message.
    ///
    /// - Parameters:
    ///   - frame: the message.
    ///   - receivedAt: the time for declarations that state none.
    ///   - mayWait: queue even when the queue is full (streams, which bound themselves).
    ///   - admission: the request's reservation, whose place the message takes.
    /// - Throws: ``Overloaded`` when there is no room, the message has no place reserved and
    ///   `mayWait` is false.
    public func submit(
        _ frame: MessageFrame, receivedAt: CivilTime, mayWait: Bool = false, admission: Admission? = nil
    ) async throws(Overloaded) -> [DecisionRecord] {
        try await enqueue(frame, receivedAt: receivedAt, mayWait: mayWait, admission: admission) ?? []
    }

    /// Decides a whole request body (``MessageFrame/whole(_:source:sequence:severalMessages:)``
    /// with ``MessageFrame/SeveralMessages/leave``) when it parses as one message, without
    /// cutting it into messages first.
    ///
    /// - Returns: its records, or `nil`, with nothing decided, when it does not parse as one
    ///   message: the caller then cuts it and submits each message.
    /// - Throws: ``Overloaded`` as ``submit(_:receivedAt:mayWait:admission:)`` does.
    public func submitWhole(
        _ frame: MessageFrame, receivedAt: CivilTime, admission: Admission
    ) async throws(Overloaded) -> [DecisionRecord]? {
        precondition(frame.isWholeInput && frame.severalMessages == .leave, "a whole input the decoder leaves")
        return try await enqueue(frame, receivedAt: receivedAt, mayWait: false, admission: admission)
    }

    /// Queues a message for a worker; `nil` for a whole input the decoder left.
    private func enqueue(
        _ frame: MessageFrame, receivedAt: CivilTime, mayWait: Bool, admission: Admission?
    ) async throws(Overloaded) -> [DecisionRecord]? {
        var overloaded = false
        let reserved = admission?.take() ?? false
        let records = await withCheckedContinuation { (continuation: CheckedContinuation<[DecisionRecord]?, Never>) in
            let job = Job(frame: frame, receivedAt: receivedAt, continuation: continuation)
            let (worker, depth) = state.withLock { state -> (WorkerBox?, Int?) in
                if reserved { state.reserved -= 1 }
                if let worker = state.idle.popLast() { return (worker, nil) }
                let room = queueDepth - state.queue.count - state.reserved
                guard reserved || mayWait || room > 0 else { return (nil, nil) }
                state.queue.append(job)
                return (nil, state.queue.count)
            }
            if let worker {
                run(job, on: worker)
            } else if let depth {
                onQueueChange(depth)
            } else {
                overloaded = true
                continuation.resume(returning: [])
            }
        }
        if overloaded { throw Overloaded() }
        return records
    }

    private func run(_ first: Job, on worker: WorkerBox) {
        DispatchQueue.global(qos: .userInitiated).async {
            var job = first
            while true {
                var records: [DecisionRecord] = []
                worker.decider.decide(
                    job.frame, profile: self.live.current, receivedAt: job.receivedAt, drawnAt: job.receivedAt,
                    state: self.reference.current
                ) {
                    records.append($0)
                }
                let left = job.frame.isWholeInput && worker.decider.messagesInLastFrame == 0
                job.continuation.resume(returning: left ? nil : records)
                let (next, depth) = self.state.withLock { state -> (Job?, Int) in
                    guard let next = state.queue.popFirst() else {
                        state.idle.append(worker)
                        return (nil, 0)
                    }
                    return (next, state.queue.count)
                }
                self.onQueueChange(depth)
                guard let next else { return }
                job = next
            }
        }
    }
}

/// A worker's decider. `@unchecked Sendable`: a box is held by exactly one party at a time,
/// the engine's idle list or the Dispatch block running it, handed over under the engine's lock.
private final class WorkerBox: @unchecked Sendable {
    let decider: MessageDecider
    init(_ decider: MessageDecider) { self.decider = decider }
}
