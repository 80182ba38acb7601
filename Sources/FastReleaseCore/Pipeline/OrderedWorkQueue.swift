import Foundation

/// The hand-over between the pipeline's reader, workers and writer: messages go out in any
/// order, results come back in input order, and the reader waits while too much is in flight.
///
/// `@unchecked Sendable`: every field is read and written only while holding `condition`.
final class OrderedWorkQueue: @unchecked Sendable {
    private let condition = NSCondition()
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
    }

    /// Adds a message, waiting while the limits are reached; `false` once the run is abandoned.
    func submit(_ frame: MessageFrame) -> Bool {
        condition.lock()
        defer { condition.unlock() }
        while !abandoned, submitted - written >= maxMessages || (bytesInFlight >= maxBytes && submitted > written) {
            condition.wait()
        }
        guard !abandoned else { return false }
        waiting.append((submitted, frame))
        bytesBySlot[submitted] = frame.bytes.count
        bytesInFlight += frame.bytes.count
        submitted += 1
        condition.broadcast()
        return true
    }

    /// No more messages will come.
    func endOfInput() {
        condition.lock()
        inputEnded = true
        condition.broadcast()
        condition.unlock()
    }

    /// The next message to decide, or `nil` when all are taken and input has ended.
    func nextMessage() -> (slot: Int, frame: MessageFrame)? {
        condition.lock()
        defer { condition.unlock() }
        while waitingHead == waiting.count, !inputEnded, !abandoned { condition.wait() }
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

    /// Files a message's result.
    func finish(_ slot: Int, with result: FrameResult) {
        condition.lock()
        results[slot] = result
        condition.broadcast()
        condition.unlock()
    }

    /// The next result in input order, or `nil` when every message has been written.
    func nextResult() -> FrameResult? {
        condition.lock()
        defer { condition.unlock() }
        while results[written] == nil, !(inputEnded && written == submitted), !abandoned { condition.wait() }
        guard !abandoned, let result = results.removeValue(forKey: written) else { return nil }
        bytesInFlight -= bytesBySlot.removeValue(forKey: written) ?? 0
        written += 1
        condition.broadcast()
        return result
    }

    /// Stops everything (the sink failed): waiting parties return at once.
    func abandon() {
        condition.lock()
        abandoned = true
        condition.broadcast()
        condition.unlock()
    }
}
