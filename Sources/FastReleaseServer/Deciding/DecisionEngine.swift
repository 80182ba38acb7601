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
/// `queueDepth`; past that, ``submit(_:receivedAt:mayWait:)`` refuses with ``Overloaded`` (the
/// route answers 503) unless the caller is a stream, whose own window bounds what it adds.
public final class DecisionEngine: Sendable {
    /// The queue is full: try again later.
    public struct Overloaded: Error, Sendable {}

    private struct Job {
        let frame: MessageFrame
        let receivedAt: CivilTime
        let continuation: CheckedContinuation<[DecisionRecord], Never>
    }

    private struct State {
        var idle: [WorkerBox]
        var queue = Deque<Job>()
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

    /// Whether `count` more messages can be queued now (used to refuse a request up front).
    public func hasRoom(for count: Int) -> Bool {
        state.withLock { state in state.idle.count + (queueDepth - state.queue.count) >= count }
    }

    /// Decides one message.
    ///
    /// - Parameters:
    ///   - frame: the message.
    ///   - receivedAt: the time for declarations that state none.
    ///   - mayWait: queue even when the queue is full (streams, which bound themselves).
    /// - Throws: ``Overloaded`` when the queue is full and `mayWait` is false.
    public func submit(_ frame: MessageFrame, receivedAt: CivilTime, mayWait: Bool = false) async throws(Overloaded)
        -> [DecisionRecord]
    {
        var overloaded = false
        let records = await withCheckedContinuation { (continuation: CheckedContinuation<[DecisionRecord], Never>) in
            let job = Job(frame: frame, receivedAt: receivedAt, continuation: continuation)
            let (worker, depth) = state.withLock { state -> (WorkerBox?, Int?) in
                if let worker = state.idle.popLast() { return (worker, nil) }
                guard mayWait || state.queue.count < queueDepth else { return (nil, nil) }
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
                job.continuation.resume(returning: records)
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
