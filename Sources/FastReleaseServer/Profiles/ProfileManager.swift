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
///
/// The store's newest change is the version in force for every instance sharing it: an instance
/// starts on it (``startFromStore()``), and follows a change another records
/// (``followStore()``, on the log's ``ProfileChangeFeed``).
public final class ProfileManager: Sendable {
    /// The profile in force.
    public let live: LiveProfile
    private let log: any DecisionLog
    private let directory: String
    private let seeds: String?
    private let logger: Logger
    private let clock: WallClock
    private let changing = Mutex(false)
    private let started = Atomic<Bool>(false)

    /// Whether ``startFromStore()`` has put the store's version in force (or seeded the store).
    public var hasStarted: Bool { started.load(ordering: .acquiring) }

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

    /// Puts the store's version in force at start: the newest change any instance recorded.
    /// The profile folder only seeds a store that has none; when it differs from the version in
    /// force, a notice says so (SIGHUP or `PUT /v1/profile` puts it in force for every instance).
    public func startFromStore() async throws {
        defer { started.store(true, ordering: .releasing) }
        guard let newest = try await log.profileChanges(limit: 1).first else {
            let current = live.current
            let bundle = try? ProfileFolder.read(directory)
            try await log.record(
                StoredProfileChange(
                    version: current.version, previousVersion: "",
                    changedAt: clock.milliseconds(), changedBy: "startup",
                    summary: "in force at start (\(current.ruleCount) rules)",
                    files: bundle.flatMap { try? StoredJSON.text(of: $0) } ?? "{}"))
            return
        }
        let folder = live.current.version
        if try await follow(newest, reason: "profile taken from the store"), folder != newest.version {
            logger.notice(
                "profile folder not in force",
                metadata: [
                    "profile.folder": "\(folder)", "profile.version": "\(newest.version)",
                    "profile.path": "\(directory)",
                ])
        }
    }

    /// Puts the newest recorded change in force when it is not already: what an instance does
    /// when another records a change (``ProfileChangeFeed``).
    public func followStore() async {
        do {
            guard let newest = try await log.profileChanges(limit: 1).first else { return }
            _ = try await follow(newest, reason: "profile changed on another instance")
        } catch {
            logger.error(
                "cannot follow the profile in force", metadata: ["error.message": "\(String(reflecting: error))"])
        }
    }

    /// Compiles and puts `change`'s version in force unless it is already; false when its
    /// files cannot be used here (logged; the version in force keeps serving).
    private func follow(_ change: StoredProfileChange, reason: String) async throws -> Bool {
        if live.current.version == change.version { return true }
        guard let bundle = try? StoredJSON.value(ProfileBundle.self, from: change.files),
            !bundle.files.isEmpty
        else {
            logger.error("stored profile has no files", metadata: ["profile.version": "\(change.version)"])
            return false
        }
        let compiled: CompiledProfile
        do {
            compiled = try await compile(bundle)
        } catch {
            logger.error(
                "stored profile cannot be used",
                metadata: ["profile.version": "\(change.version)", "error.message": "\(error)"])
            return false
        }
        // Another change may have been recorded, or put in force here, while this one compiled:
        // put in force only the newest, once.
        guard try await log.profileChanges(limit: 1).first?.version == compiled.version,
            live.current.version != compiled.version
        else { return true }
        let previous = live.swap(to: compiled)
        logger.notice(
            "\(reason)",
            metadata: ["profile.version": "\(compiled.version)", "profile.previous": "\(previous.version)"])
        return true
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
        // Recorded first, then in force: the store always holds the version this instance decides
        // with, and every other instance follows it from there.
        let previous = live.current
        let change = StoredProfileChange(
            version: compiled.version, previousVersion: previous.version, changedAt: clock.milliseconds(),
            changedBy: who, summary: ProfileDiff(from: previous.source, to: compiled.source).summary,
            files: try StoredJSON.text(of: bundle))
        try await log.record(change)
        live.swap(to: compiled)
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
        try await replace(with: try folderBundle(), by: who)
    }

    /// The profile folder's files.
    public func folderBundle() throws -> ProfileBundle {
        do {
            return try ProfileFolder.read(directory)
        } catch {
            throw Refusal.invalid(error)
        }
    }

    /// Puts an earlier version back, from the files its history record kept.
    public func restore(version: String, by who: String) async throws -> StoredProfileChange {
        try await replace(with: try await recordedBundle(version: version), by: who)
    }

    /// The files of a version some recorded change put in force.
    func recordedBundle(version: String) async throws -> ProfileBundle {
        guard let change = try await log.profileChange(version: version),
            let bundle = try? StoredJSON.value(ProfileBundle.self, from: change.files), !bundle.files.isEmpty
        else { throw Refusal.unknownVersion(version) }
        return bundle
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

}
