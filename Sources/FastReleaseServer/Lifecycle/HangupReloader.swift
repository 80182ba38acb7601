import FastReleaseCore
public import Logging
public import ServiceLifecycle
import UnixSignals

/// Reloads the profile folder on SIGHUP, as a service of the application's group: a profile
/// with errors is refused and logged, and the version in force keeps serving. Ends on
/// graceful shutdown.
public struct HangupReloader: Service {
    let profiles: ProfileManager
    let logger: Logger

    /// Creates a reloader of `profiles`' folder.
    public init(profiles: ProfileManager, logger: Logger) {
        self.profiles = profiles
        self.logger = logger
    }

    public func run() async throws {
        for await _ in await UnixSignalsSequence(trapping: .sighup).cancelOnGracefulShutdown() {
            do {
                _ = try await profiles.reloadFromDisk()
            } catch ProfileManager.Refusal.invalid(let error) {
                logger.error(
                    "SIGHUP: the profile on disk has errors; the version in force keeps serving",
                    metadata: ["profile.errors": "\(error.issues.map(\.description).joined(separator: " | "))"])
            } catch {
                logger.error("SIGHUP: the profile was not reloaded", metadata: ["error": "\(error)"])
            }
        }
    }
}
