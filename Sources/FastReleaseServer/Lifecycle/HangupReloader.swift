import FastReleaseCore
public import Logging
public import ServiceLifecycle
import UnixSignals

/// Reloads the profile folder on SIGHUP, as a service of the application's group (or proposes
/// it, when changes need approval): a profile with errors is refused and logged, and the version
/// in force keeps serving. Ends on graceful shutdown.
public struct HangupReloader: Service {
    let profiles: ProfileManager
    let proposals: ProfileProposals
    let logger: Logger

    /// Creates a reloader of `profiles`' folder; when changes need approval, the folder's version
    /// is proposed (by `SIGHUP`) instead of put in force.
    public init(profiles: ProfileManager, proposals: ProfileProposals, logger: Logger) {
        self.profiles = profiles
        self.proposals = proposals
        self.logger = logger
    }

    public func run() async throws {
        for await _ in await UnixSignalsSequence(trapping: .sighup).cancelOnGracefulShutdown() {
            do {
                if proposals.required > 0 {
                    _ = try await proposals.propose(try profiles.folderBundle(), tests: [:], by: "SIGHUP")
                    continue
                }
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
