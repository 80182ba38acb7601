public import FastReleaseCore
public import ServiceLifecycle
import Synchronization

/// Groups the decisions of many concurrent requests into few log transactions.
///
/// Requests call ``record(_:)`` and wait. While one batch is being written, new requests
/// queue up; when the write returns, everything queued is written next as one batch. Under
/// light load a request waits for one transaction; under heavy load hundreds of requests share
/// one, so durability does not cap throughput. Batches never exceed `maxBatchRows` rows
/// (a single request's decisions are never split).
///
/// It is a `Service`: in the application's group, graceful shutdown closes it to new batches
/// and ``run()`` returns once everything queued is written (the HTTP server, which stops first,
/// has answered its last request by then). It also works alone, without `run()`.
///
/// ```swift
/// let committer = GroupCommitter(log: try SQLiteDecisionLog(path: "decisions.sqlite"))
/// let outcomes = try await committer.record(decisions)  // durable when this returns
/// ```
public final class GroupCommitter: Service, Sendable {
    /// Refused: the committer was shut down.
    public struct Closed: Error, Sendable, CustomStringConvertible {
        public var description: String { "the service is shutting down; send the declarations again" }
    }

    private struct Waiter {
        let decisions: [StoredDecision]
        let continuation: CheckedContinuation<[RecordOutcome], any Error>
    }

    private struct State {
        var waiting: [Waiter] = []
        var flushing = false
        var closed = false
        var drained: [CheckedContinuation<Void, Never>] = []
    }

    private let log: any DecisionLog
    private let maxBatchRows: Int
    private let state = Mutex(State())
    private let observe: @Sendable (_ rows: Int, _ duration: Duration, _ failed: Bool) -> Void

    /// Creates a committer over a log.
    ///
    /// - Parameters:
    ///   - log: the decision log.
    ///   - maxBatchRows: the most rows in one transaction.
    ///   - observe: called after each transaction with its size and duration (for metrics).
    public init(
        log: any DecisionLog, maxBatchRows: Int = 5000,
        observe: @escaping @Sendable (_ rows: Int, _ duration: Duration, _ failed: Bool) -> Void = { _, _, _ in }
    ) {
        self.log = log
        self.maxBatchRows = max(1, maxBatchRows)
        self.observe = observe
    }

    /// Writes decisions durably; outcomes come back in the same order.
    public func record(_ decisions: [StoredDecision]) async throws -> [RecordOutcome] {
        guard !decisions.isEmpty else { return [] }
        return try await withCheckedThrowingContinuation { continuation in
            let (startFlushing, closed) = state.withLock { state -> (Bool, Bool) in
                if state.closed { return (false, true) }
                state.waiting.append(Waiter(decisions: decisions, continuation: continuation))
                guard !state.flushing else { return (false, false) }
                state.flushing = true
                return (true, false)
            }
            if closed {
                continuation.resume(throwing: Closed())
            } else if startFlushing {
                Task { await self.flushWhileWaiting() }
            }
        }
    }

    /// Waits for graceful shutdown, then refuses new batches and returns once every batch
    /// already queued is durable (or failed).
    public func run() async throws {
        try? await gracefulShutdown()
        await withCheckedContinuation { continuation in
            let idle = state.withLock { state -> Bool in
                state.closed = true
                guard state.flushing else { return true }
                state.drained.append(continuation)
                return false
            }
            if idle { continuation.resume() }
        }
    }

    private func flushWhileWaiting() async {
        while true {
            let (batch, drained) = state.withLock { state -> ([Waiter], [CheckedContinuation<Void, Never>]) in
                guard !state.waiting.isEmpty else {
                    state.flushing = false
                    defer { state.drained = [] }
                    return ([], state.drained)
                }
                var rows = 0
                var taken = 0
                while taken < state.waiting.count,
                    taken == 0 || rows + state.waiting[taken].decisions.count <= maxBatchRows
                {
                    rows += state.waiting[taken].decisions.count
                    taken += 1
                }
                let batch = Array(state.waiting.prefix(taken))
                state.waiting.removeFirst(taken)
                return (batch, [])
            }
            for continuation in drained { continuation.resume() }
            if batch.isEmpty { return }
            await write(batch)
        }
    }

    private func write(_ batch: [Waiter]) async {
        let rows = batch.flatMap(\.decisions)
        let clock = ContinuousClock()
        let started = clock.now
        do {
            let outcomes = try await log.record(rows)
            observe(rows.count, clock.now - started, false)
            var offset = 0
            for waiter in batch {
                waiter.continuation.resume(returning: Array(outcomes[offset..<(offset + waiter.decisions.count)]))
                offset += waiter.decisions.count
            }
        } catch {
            observe(rows.count, clock.now - started, true)
            for waiter in batch { waiter.continuation.resume(throwing: error) }
        }
    }
}
