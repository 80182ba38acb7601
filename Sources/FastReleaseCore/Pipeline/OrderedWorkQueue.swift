#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The hand-over between the pipeline's reader, workers and writer: messages go out in any
/// order, results come back in input order, and the reader waits while too much is in flight.
///
/// One lock and a condition variable for each kind of waiter, so that each event wakes only
/// the thread it concerns: a new message wakes one worker, the result the writer waits for
/// wakes the writer, a written result wakes the reader. (With one condition broadcast at every
/// step, every message and every result woke every waiting thread of the pipeline.)
///
/// `@unchecked Sendable`: every field is read and written only while holding `mutex`.
final class OrderedWorkQueue: @unchecked Sendable {
    private let mutex = UnsafeMutablePointer<pthread_mutex_t>.allocate(capacity: 1)
    /// Workers wait here for a message.
    private let messageReady = UnsafeMutablePointer<pthread_cond_t>.allocate(capacity: 1)
    /// The writer waits here for the result at its place in input order.
    private let resultReady = UnsafeMutablePointer<pthread_cond_t>.allocate(capacity: 1)
    /// The reader waits here for room in flight.
    private let roomReady = UnsafeMutablePointer<pthread_cond_t>.allocate(capacity: 1)

    private let maxMessages: Int
    private let maxBytes: Int
    /// Messages not yet taken, from `waitingHead` on; a taken message's place is emptied at
    /// once, so that its bytes are not held until the list is compacted.
    private var waiting: [(slot: Int, frame: MessageFrame?)] = []
    private var waitingHead = 0
    private var results: [Int: FrameResult] = [:]
    private var bytesBySlot: [Int: Int] = [:]
    private var submitted = 0
    private var written = 0
    private var bytesInFlight = 0
    private var inputEnded = false
    private var abandoned = false

    init(maxMessages: Int, maxBytes: Int) {
        self.maxMessages = maxMessages
        self.maxBytes = maxBytes
        pthread_mutex_init(mutex, nil)
        for condition in [messageReady, resultReady, roomReady] { pthread_cond_init(condition, nil) }
    }

    deinit {
        for condition in [messageReady, resultReady, roomReady] {
            pthread_cond_destroy(condition)
            condition.deallocate()
        }
        pthread_mutex_destroy(mutex)
        mutex.deallocate()
    }

    /// Adds a message, waiting while the limits are reached; `false` once the run is abandoned.
    func submit(_ frame: MessageFrame) -> Bool {
        pthread_mutex_lock(mutex)
        defer { pthread_mutex_unlock(mutex) }
        while !abandoned, submitted - written >= maxMessages || (bytesInFlight >= maxBytes && submitted > written) {
            pthread_cond_wait(roomReady, mutex)
        }
        guard !abandoned else { return false }
        waiting.append((submitted, frame))
        bytesBySlot[submitted] = frame.bytes.count
        bytesInFlight += frame.bytes.count
        submitted += 1
        pthread_cond_signal(messageReady)
        return true
    }

    /// No more messages will come.
    func endOfInput() {
        pthread_mutex_lock(mutex)
        inputEnded = true
        pthread_cond_broadcast(messageReady)
        pthread_cond_signal(resultReady)
        pthread_mutex_unlock(mutex)
    }

    /// The next message to decide, or `nil` when all are taken and input has ended.
    func nextMessage() -> (slot: Int, frame: MessageFrame)? {
        pthread_mutex_lock(mutex)
        defer { pthread_mutex_unlock(mutex) }
        while waitingHead == waiting.count, !inputEnded, !abandoned { pthread_cond_wait(messageReady, mutex) }
        guard waitingHead < waiting.count, !abandoned else { return nil }
        let slot = waiting[waitingHead].slot
        let frame = waiting[waitingHead].frame.take()!
        waitingHead += 1
        if waitingHead > 1024, waitingHead * 2 > waiting.count {
            waiting.removeFirst(waitingHead)
            waitingHead = 0
        }
        return (slot, frame)
    }

    /// Files a message's result; wakes the writer only if it is the one it waits for.
    func finish(_ slot: Int, with result: FrameResult) {
        pthread_mutex_lock(mutex)
        results[slot] = result
        if slot == written { pthread_cond_signal(resultReady) }
        pthread_mutex_unlock(mutex)
    }

    /// The next result in input order, or `nil` when every message has been written.
    func nextResult() -> FrameResult? {
        pthread_mutex_lock(mutex)
        defer { pthread_mutex_unlock(mutex) }
        while results[written] == nil, !(inputEnded && written == submitted), !abandoned {
            pthread_cond_wait(resultReady, mutex)
        }
        guard !abandoned, let result = results.removeValue(forKey: written) else { return nil }
        bytesInFlight -= bytesBySlot.removeValue(forKey: written) ?? 0
        written += 1
        pthread_cond_signal(roomReady)
        return result
    }

    /// Stops everything (the sink failed): waiting parties return at once.
    func abandon() {
        pthread_mutex_lock(mutex)
        abandoned = true
        for condition in [messageReady, resultReady, roomReady] { pthread_cond_broadcast(condition) }
        pthread_mutex_unlock(mutex)
    }
}
