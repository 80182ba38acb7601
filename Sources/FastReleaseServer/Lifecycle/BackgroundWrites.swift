import Synchronization

/// Writes that answers never wait for (shadow decisions), run as tasks and drained on
/// shutdown: the service's `run()` returns only when every write started has finished.
///
/// ```swift
/// writes.start { try await log.record(shadow: rows) }
/// ```
final class BackgroundWrites: Sendable {
    private struct State {
        var inFlight = 0
        var drained: [CheckedContinuation<Void, Never>] = []
    }

    private let state = Mutex(State())
    private let onFailure: @Sendable (any Error) -> Void

    /// Creates a tracker; `onFailure` is told of a write that failed.
    init(onFailure: @escaping @Sendable (any Error) -> Void) {
        self.onFailure = onFailure
    }

    /// Starts a write in the background.
    func start(_ write: @escaping @Sendable () async throws -> Void) {
        state.withLock { $0.inFlight += 1 }
        Task {
            do {
                try await write()
            } catch {
                onFailure(error)
            }
            let waiting = state.withLock { state -> [CheckedContinuation<Void, Never>] in
                state.inFlight -= 1
                guard state.inFlight == 0 else { return [] }
                defer { state.drained = [] }
                return state.drained
            }
            for continuation in waiting { continuation.resume() }
        }
    }

    /// Returns once no write is in flight.
    func drain() async {
        await withCheckedContinuation { continuation in
            let done = state.withLock { state -> Bool in
                guard state.inFlight > 0 else { return true }
                state.drained.append(continuation)
                return false
            }
            if done { continuation.resume() }
        }
    }

    /// How many writes are in flight.
    var inFlight: Int { state.withLock { $0.inFlight } }
}
