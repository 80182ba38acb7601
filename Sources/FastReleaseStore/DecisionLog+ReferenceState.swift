public import FastReleaseCore

/// The reference state a decision log keeps: its changes applied in order, with the lots' balances.
public struct FoldedState: Sendable {
    /// The changes applied, without balances.
    public var state: ReferenceState
    /// The sequence number of the last change applied; 0 when the log holds none.
    public var sequence: Int64
    /// Changes that no longer apply (a reader that became stricter), skipped.
    public var skipped: [Int64]
}

extension DecisionLog {
    /// `base` (the changes up to `sequence`) with every change recorded after it applied in order.
    public func foldedState(after sequence: Int64 = 0, onto base: ReferenceState = ReferenceState()) async throws
        -> FoldedState
    {
        var folded = FoldedState(state: base, sequence: sequence, skipped: [])
        var page = try await stateChanges(after: sequence, limit: 1000)
        while let last = page.last {
            for change in page {
                do {
                    folded.state = try ReferenceStateReader().read(files: try change.files(), onto: folded.state)
                } catch {
                    folded.skipped.append(change.sequence)
                }
            }
            folded.sequence = last.sequence
            page = try await stateChanges(after: folded.sequence, limit: 1000)
        }
        return folded
    }

    /// The reference state the log keeps as of now, with the lots' balances; `nil` when it
    /// holds no change.
    public func referenceState() async throws -> ReferenceState? {
        let folded = try await foldedState()
        guard folded.sequence > 0 else { return nil }
        return folded.state.withBalances(millionths: try await lotWrittenOff())
    }
}
