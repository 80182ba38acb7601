public import FastReleaseStore
public import ServiceLifecycle

/// Keeps this instance on the profile in force for the cluster: every time an instance sharing
/// the log records a profile change, it puts the store's newest version in force here
/// (``ProfileManager/followStore()``). A service of the application's group; ends on graceful
/// shutdown.
public struct ProfileFollower: Service {
    let profiles: ProfileManager
    let feed: any ProfileChangeFeed

    /// Creates a follower of `feed` for `profiles`.
    public init(profiles: ProfileManager, feed: any ProfileChangeFeed) {
        self.profiles = profiles
        self.feed = feed
    }

    public func run() async throws {
        let profiles = profiles
        try await cancelWhenGracefulShutdown {
            // The tables are prepared and the store's version is in force before the server
            // starts (ServiceApplication); only then can a change be followed.
            while !profiles.hasStarted { try await Task.sleep(for: .milliseconds(20)) }
            try await feed.followProfileChanges { await profiles.followStore() }
        }
    }
}
