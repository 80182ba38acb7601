public import FastReleaseStore
public import ServiceLifecycle

/// Keeps this instance on the profile in force for the cluster, and on its shadow candidate:
/// every time an instance sharing the log records a profile change or starts or stops a shadow
/// run, it puts the store's newest version in force here (``ProfileManager/followStore()``) and
/// runs the store's candidate (``ShadowComparison/followStore(compile:)``). A service of the
/// application's group; ends on graceful shutdown.
public struct ProfileFollower: Service {
    let profiles: ProfileManager
    let shadow: ShadowComparison
    let feed: any ProfileChangeFeed

    /// Creates a follower of `feed` for `profiles` and `shadow`.
    public init(profiles: ProfileManager, shadow: ShadowComparison, feed: any ProfileChangeFeed) {
        self.profiles = profiles
        self.shadow = shadow
        self.feed = feed
    }

    public func run() async throws {
        let (profiles, shadow) = (profiles, shadow)
        try await cancelWhenGracefulShutdown {
            // The tables are prepared and the store's version is in force before the server
            // starts (ServiceApplication); only then can a change be followed.
            while !profiles.hasStarted { try await Task.sleep(for: .milliseconds(20)) }
            try await feed.followProfileChanges {
                await profiles.followStore()
                await shadow.followStore(compile: profiles.compileCandidate)
            }
        }
    }
}
