public import FastReleaseCore
public import FastReleaseStore
public import Logging
public import ServiceLifecycle

/// Keeps the reference state the service scores with: loads it from the decision log (every
/// change in order, then the lots' balances), applies the changes operators and laboratories
/// send (recording who, when and what, and the lots' conforming quantities in the same
/// transaction), and refreshes it from the log, so that instances sharing a log share it.
///
/// A service of the application's group: `run()` refreshes every `refreshInterval`.
public actor StateKeeper: Service {
    /// A change that cannot be applied: every mistake, with its file, line and column.
    public struct Refusal: Error, Sendable, CustomStringConvertible {
        /// The mistakes.
        public let issues: [ProfileIssue]

        public var description: String { issues.map(\.description).joined(separator: "\n") }
    }

    /// The state files a laboratory may send: results, nothing else.
    public static let laboratoryFiles: Set<String> = ["lot-tests.csv", "monitoring-results.csv"]

    /// The snapshot requests score with.
    public nonisolated let live: LiveState
    private let log: any DecisionLog
    private let clock: WallClock
    private let logger: Logger
    private let refreshInterval: Duration
    /// The changes applied so far, without balances (those come from the log).
    private var folded = ReferenceState()
    private var foldedSequence: Int64 = 0

    /// Creates a keeper; nothing is loaded until ``refresh()`` or ``run()``.
    public init(
        live: LiveState, log: any DecisionLog, clock: WallClock = .system, refreshInterval: Duration = .seconds(2),
        logger: Logger
    ) {
        self.live = live
        self.log = log
        self.clock = clock
        self.refreshInterval = refreshInterval
        self.logger = logger
    }

    /// Refreshes the state every `refreshInterval` until shutdown.
    public func run() async throws {
        while !Task.isCancelled, !Task.isShuttingDownGracefully {
            do {
                try await cancelWhenGracefulShutdown { try await Task.sleep(for: self.refreshInterval) }
            } catch {
                return
            }
            do {
                try await refresh()
            } catch {
                logger.warning("cannot refresh the reference state", metadata: ["error": "\(error)"])
            }
        }
    }

    /// Reads the changes recorded since the last refresh (by this instance or another) and the
    /// lots' balances, and puts the result in force.
    public func refresh() async throws {
        let found = try await log.foldedState(after: foldedSequence, onto: folded)
        for sequence in found.skipped {
            logger.error(
                "a recorded state change no longer applies and is skipped", metadata: ["state.sequence": "\(sequence)"])
        }
        // Another refresh may have folded as far or further while this one waited.
        if found.sequence > foldedSequence { (folded, foldedSequence) = (found.state, found.sequence) }
        guard foldedSequence > 0 else { return }
        let balances = try await log.lotWrittenOff()
        live.replace(with: folded.withBalances(millionths: balances), sequence: foldedSequence)
    }

    /// Reads the lots' balances only: after a write-off was refused because another decision
    /// took what was left.
    public func refreshBalances() async throws {
        live.setBalances(try await log.lotWrittenOff())
    }

    /// Applies state files (by name) at once, as `changedBy` in `role`, and records them as one
    /// change: all of them or nothing.
    ///
    /// - Returns: the change as recorded, with its sequence number.
    /// - Throws: ``Refusal`` with every mistake (nothing is recorded), or the log's error.
    public func apply(files: [String: String], changedBy: String, role: String) async throws -> StoredStateChange {
        if let unknown = files.keys.sorted().first(where: { !ReferenceStateReader.fileNames.contains($0) }) {
            throw Refusal(issues: [
                ProfileIssue(
                    .error, at: SourcePosition(source: unknown, line: 1, column: 1),
                    "\(unknown) is not a state file; send one of \(ReferenceStateReader.fileNames.joined(separator: ", "))"
                )
            ])
        }
        try await refresh()
        let changed: ReferenceState
        do {
            changed = try ReferenceStateReader().read(files: files, onto: folded)
        } catch {
            throw Refusal(issues: error.issues)
        }
        var lots: [String: LotSetting] = [:]
        for (id, lot) in changed.lots where folded.lots[id]?.conformingQuantity != lot.conformingQuantity {
            lots[id] = LotSetting(
                conforming: Quantity.millionths(lot.conformingQuantity),
                initialWrittenOff: Quantity.millionths(lot.writtenOff))
        }
        let rows = files.values.reduce(0) { $0 + CSVRows.parse($1).dropFirst().filter { !$0.isBlank }.count }
        let single = files.count == 1 ? files.first : nil
        var change = StoredStateChange(
            changedAt: clock.milliseconds(), changedBy: changedBy, role: role,
            file: single?.key ?? StoredStateChange.folderFile, rows: rows,
            content: try single?.value ?? PayloadCoding.text(of: files))
        change.sequence = try await log.record(change, lots: lots)
        try await refresh()
        logger.info(
            "reference state changed",
            metadata: [
                "state.sequence": "\(change.sequence)", "state.file": "\(change.file)", "state.rows": "\(rows)",
                "state.by": "\(changedBy)",
            ])
        return change
    }

    /// Applies every file of a state folder (`files`, by name) as one change, unless the log
    /// already holds a state: how a new service starts from its profile's `state/` folder.
    ///
    /// - Returns: whether the files were applied.
    public func seed(with files: [String: String], changedBy: String) async throws -> Bool {
        try await refresh()
        guard foldedSequence == 0 else { return false }
        _ = try await apply(files: files, changedBy: changedBy, role: "operator")
        return true
    }
}
