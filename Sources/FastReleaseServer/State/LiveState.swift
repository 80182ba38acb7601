public import FastReleaseCore
import Synchronization

/// The reference state the service scores with, replaceable while requests run: a snapshot
/// (a value) that each message takes once, so scoring never waits on the store.
///
/// `nil` until a state has been loaded: rules that name evidence then say that no reference
/// state was given.
public final class LiveState: Sendable {
    private struct Held {
        var state: ReferenceState?
        var sequence: Int64 = 0
    }

    private let held = Mutex(Held())

    /// Creates an empty holder.
    public init() {}

    /// The state in force, if any.
    public var current: ReferenceState? { held.withLock { $0.state } }

    /// The sequence number of the last state change the snapshot includes.
    public var sequence: Int64 { held.withLock { $0.sequence } }

    /// Puts `state` in force, as of change `sequence`.
    func replace(with state: ReferenceState, sequence: Int64) {
        held.withLock { $0 = Held(state: state, sequence: sequence) }
    }

    /// Sets each lot's written-off quantity to what the store says (millionths).
    func setBalances(_ writtenOff: [String: Int64]) {
        held.withLock { held in
            held.state = held.state?.withBalances(millionths: writtenOff)
        }
    }
}
