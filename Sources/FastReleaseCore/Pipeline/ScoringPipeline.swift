import Dispatch
import Synchronization

#if canImport(Glibc)
    import Glibc
#endif

/// Decodes, scores and encodes a stream of messages on all cores, writing results in input order.
///
/// The reader (the caller's thread) cuts the input into batches of messages; each batch is
/// decoded and scored with `DispatchQueue.concurrentPerform`, one decoder and scorer per
/// worker; a serial writer queue writes the batch's bytes in order. At most
/// `maxBatchesInFlight` batches exist at once, so memory is bounded by the batch size,
/// not by the input size.
///
/// ```swift
/// let pipeline = ScoringPipeline(profile: compiled, encoder: JSONLinesEncoder(), options: .init(threads: 2)) {
///     XMLMessageDecoder()
/// }
/// let summary = try pipeline.run(&frames, sink: StandardOutputSink())
/// ```
public final class ScoringPipeline: Sendable {
    /// How the pipeline divides work.
    public struct Options: Sendable {
        /// Worker threads.
        public var threads: Int
        /// Most messages in one batch.
        public var batchMessages: Int
        /// Most input bytes in one batch (a larger single message still forms its own batch).
        public var batchBytes: Int
        /// Batches being decoded or written at once.
        public var maxBatchesInFlight: Int

        /// Creates options; `threads` defaults to the number of active cores.
        public init(
            threads: Int? = nil, batchMessages: Int = 512, batchBytes: Int = 4 << 20, maxBatchesInFlight: Int = 3
        ) {
            self.threads = max(1, threads ?? ProcessorCount.active)
            self.batchMessages = max(1, batchMessages)
            self.batchBytes = max(1, batchBytes)
            self.maxBatchesInFlight = max(2, maxBatchesInFlight)
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
    ///   - options: threads and batch sizes.
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
    /// - Throws: the first error the sink raised (the run stops reading after it).
    public func run(_ frames: inout some FrameSource, sink: some ByteSink) throws -> PipelineSummary {
        let started = MonotonicClock.nanoseconds()
        try sink.write(encoder.header)
        let slots = DispatchSemaphore(value: options.maxBatchesInFlight)
        let workQueue = DispatchQueue(label: "fastrelease.pipeline.work")
        let writeQueue = DispatchQueue(label: "fastrelease.pipeline.write")
        let outcome = Mutex<(summary: PipelineSummary, error: (any Error)?)>((PipelineSummary(), nil))

        while outcome.withLock({ $0.error == nil }) {
            let batch = readBatch(&frames)
            if batch.isEmpty { break }
            slots.wait()
            workQueue.async {
                let results = self.process(batch)
                writeQueue.async {
                    defer { slots.signal() }
                    guard outcome.withLock({ $0.error == nil }) else { return }
                    do {
                        var summary = PipelineSummary()
                        for result in results {
                            try sink.write(result.bytes)
                            summary.add(result.summary)
                        }
                        outcome.withLock { $0.summary.add(summary) }
                    } catch {
                        outcome.withLock { $0.error = error }
                    }
                }
            }
        }
        workQueue.sync {}
        writeQueue.sync {}
        if let error = outcome.withLock({ $0.error }) { throw error }
        try sink.write(encoder.footer)
        var summary = outcome.withLock { $0.summary }
        summary.elapsedSeconds = Double(MonotonicClock.nanoseconds() - started) / 1e9
        return summary
    }

    private func readBatch(_ frames: inout some FrameSource) -> [MessageFrame] {
        var batch: [MessageFrame] = []
        var bytes = 0
        while batch.count < options.batchMessages, bytes < options.batchBytes, let frame = frames.next() {
            bytes += frame.bytes.count
            batch.append(frame)
        }
        return batch
    }

    /// Decodes, scores and encodes one batch on all workers; results in batch order.
    private func process(_ batch: [MessageFrame]) -> [FrameResult] {
        let results = ResultSlots(count: batch.count)
        let next = Atomic<Int>(0)
        let receivedAt = CivilTime.now(offsetSeconds: profile.source.timeZoneOffsetSeconds)
        DispatchQueue.concurrentPerform(iterations: workers.count) { workerNumber in
            let worker = workers[workerNumber]
            while true {
                let slot = next.add(1, ordering: .relaxed).oldValue
                guard slot < batch.count else { return }
                results[slot] = worker.handle(batch[slot], encoder: encoder, receivedAt: receivedAt)
            }
        }
        return results.finish()
    }
}

/// One message's encoded output and counts.
struct FrameResult: Sendable {
    var bytes: [UInt8] = []
    var summary = PipelineSummary()
}

/// A decider and the encoder's output, used by one worker at a time.
final class Worker {
    let decider: MessageDecider
    let profile: CompiledProfile

    init(decoder: any MessageDecoder, profile: CompiledProfile) {
        decider = MessageDecider(decoder: decoder, profile: profile)
        self.profile = profile
    }

    func handle(_ frame: MessageFrame, encoder: any DecisionEncoder, receivedAt: CivilTime) -> FrameResult {
        var result = FrameResult()
        result.summary.messages = 1
        decider.decide(frame, profile: profile, receivedAt: receivedAt) { record in
            switch record {
            case .decision(let decision):
                encoder.encode(decision, into: &result.bytes)
                result.summary.laneCounts[decision.lane.rawValue] += 1
            case .error(let error):
                encoder.encode(error, into: &result.bytes)
                result.summary.errors += 1
            }
        }
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

/// Per-message result slots. `@unchecked Sendable`: each slot is written by exactly one
/// worker (claimed through an atomic counter) and read only after `concurrentPerform` returns.
final class ResultSlots: @unchecked Sendable {
    private let slots: UnsafeMutableBufferPointer<FrameResult>

    init(count: Int) {
        slots = .allocate(capacity: count)
        slots.initialize(repeating: FrameResult())
    }

    deinit {
        slots.deinitialize()
        slots.deallocate()
    }

    subscript(slot: Int) -> FrameResult {
        get { slots[slot] }
        set { slots[slot] = newValue }
    }

    func finish() -> [FrameResult] { Array(slots) }
}

/// The number of cores this process may use.
public enum ProcessorCount {
    /// Active processors, at least 1.
    public static var active: Int {
        #if canImport(Glibc)
            return max(1, Int(sysconf(Int32(_SC_NPROCESSORS_ONLN))))
        #else
            return 1
        #endif
    }
}
