import Dispatch
public import FastReleaseCore
import FastReleaseFiles
public import FastReleaseStore
import Foundation
public import Logging
import Synchronization

/// Changes the profile in force without a restart, and keeps its history.
///
/// A new version is checked and compiled off the request path (on a Dispatch queue), then put
/// in force with one atomic swap of the ``LiveProfile``: a message already being decided keeps
/// the version it started with, the next takes the new one, and no request fails. An invalid
/// profile is refused with all its errors and the old one keeps serving. Every change is
/// recorded in the decision log with who, when, the version, a summary of what changed, and the
/// files, so any earlier version can be put back. Changes are made one at a time.
public final class ProfileManager: Sendable {
    /// The profile in force.
    public let live: LiveProfile
    private let log: any DecisionLog
    private let directory: String
    private let seeds: String?
    private let logger: Logger
    private let clock: WallClock
    private let changing = Mutex(false)

    /// A change that could not be made.
    public enum Refusal: Error, Sendable {
        /// The new profile has errors; the old one is still in force.
        case invalid(ProfileError)
        /// Another change is being made; try again.
        case busy
        /// No recorded change put this version in force.
        case unknownVersion(String)
    }

    /// Creates a manager of `live`, whose files are in `directory` (reloaded on SIGHUP), with the
    /// sampling seeds in `seeds` (``SeedsFile/path(given:profile:)``; read again for every
    /// profile put in force, so that a seed added for a new period is taken up).
    public init(
        live: LiveProfile, log: any DecisionLog, directory: String, seeds: String? = nil, clock: WallClock = .system,
        logger: Logger
    ) {
        self.live = live
        self.log = log
        self.directory = directory
        self.seeds = seeds
        self.clock = clock
        self.logger = logger
    }

    /// Records the profile in force at start, unless the history already ends with it.
    public func recordStartup() async throws {
        let current = live.current
        if let last = try await log.profileChanges(limit: 1).first, last.version == current.version { return }
        let bundle = try? ProfileFolder.read(directory)
        try await log.record(
            StoredProfileChange(
                version: current.version, previousVersion: "",
                changedAt: clock.milliseconds(), changedBy: "startup",
                summary: "in force at start (\(current.ruleCount) rules)",
                files: bundle.flatMap { try? Self.encode($0) } ?? "{}"))
    }

    /// Puts the profile in `bundle` in force.
    public func replace(with bundle: ProfileBundle, by who: String) async throws -> StoredProfileChange {
        let acquired = changing.withLock { busy -> Bool in
            if busy { return false }
            busy = true
            return true
        }
        guard acquired else { throw Refusal.busy }
        defer { changing.withLock { $0 = false } }
        let compiled: CompiledProfile
        do {
            compiled = try await compile(bundle)
        } catch let error as ProfileError {
            logger.notice(
                "profile refused", metadata: ["profile.errors": "\(error.errors.count)", "auth.caller": "\(who)"])
            throw Refusal.invalid(error)
        }
        let previous = live.swap(to: compiled)
        let change = StoredProfileChange(
            version: compiled.version, previousVersion: previous.version, changedAt: clock.milliseconds(),
            changedBy: who, summary: ProfileDiff(from: previous.source, to: compiled.source).summary,
            files: try Self.encode(bundle))
        try await log.record(change)
        logger.notice(
            "profile changed",
            metadata: [
                "profile.version": "\(change.version)", "profile.previous": "\(change.previousVersion)",
                "profile.summary": "\(change.summary)", "auth.caller": "\(who)",
            ])
        return change
    }

    /// Reloads the profile folder (SIGHUP).
    public func reloadFromDisk(by who: String = "SIGHUP") async throws -> StoredProfileChange {
        do {
            return try await replace(with: try ProfileFolder.read(directory), by: who)
        } catch let error as ProfileError {
            throw Refusal.invalid(error)
        }
    }

    /// Puts an earlier version back, from the files its history record kept.
    public func restore(version: String, by who: String) async throws -> StoredProfileChange {
        guard let change = try await log.profileChange(version: version),
            let bundle = try? JSONDecoder().decode(ProfileBundle.self, from: Data(change.files.utf8)),
            !bundle.files.isEmpty
        else { throw Refusal.unknownVersion(version) }
        return try await replace(with: bundle, by: who)
    }

    /// Checks and compiles a profile off the request path without putting it in force (for
    /// shadow mode).
    public func compileCandidate(_ bundle: ProfileBundle) async throws -> CompiledProfile {
        do {
            return try await compile(bundle)
        } catch let error as ProfileError {
            throw Refusal.invalid(error)
        }
    }

    /// The history, newest first.
    public func history(limit: Int = 100) async throws -> [StoredProfileChange] {
        try await log.profileChanges(limit: limit)
    }

    private func compile(_ bundle: ProfileBundle) async throws -> CompiledProfile {
        let name = URL(fileURLWithPath: directory).lastPathComponent
        return try await withCheckedThrowingContinuation { continuation in
            DispatchQueue.global(qos: .utility).async {
                do {
                    let (profile, _) = try bundle.load(name: name)
                    let seeded = try SeedsFile.attach(to: profile, given: self.seeds, folder: self.directory).profile
                    continuation.resume(returning: CompiledProfile(seeded))
                } catch {
                    continuation.resume(throwing: error)
                }
            }
        }
    }

    private static func encode(_ bundle: ProfileBundle) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return String(decoding: try encoder.encode(bundle), as: UTF8.self)
    }
}
