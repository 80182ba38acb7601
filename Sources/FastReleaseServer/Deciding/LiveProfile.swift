public import FastReleaseCore
import Synchronization

/// The compiled profile the service decides with, replaceable while requests run.
///
/// Each message takes the current profile once, when a worker starts it, and keeps it to the
/// end, so a swap never mixes two versions within one message's decisions.
public final class LiveProfile: Sendable {
    private let profile: Mutex<CompiledProfile>

    /// Holds an initial profile.
    public init(_ profile: CompiledProfile) {
        self.profile = Mutex(profile)
    }

    /// The profile in force.
    public var current: CompiledProfile { profile.withLock { $0 } }

    /// Puts a new profile in force; returns the one it replaces.
    @discardableResult
    public func swap(to newProfile: CompiledProfile) -> CompiledProfile {
        profile.withLock { current in
            let old = current
            current = newProfile
            return old
        }
    }
}
