public import FastReleaseCore

/// What became of a decision sent to the log.
public enum RecordOutcome: Sendable, Hashable {
    /// It is now in the log.
    case recorded(StoredDecision)
    /// The log already held a decision for the same key: this one, which must be answered instead.
    case replayed(StoredDecision)

    /// The decision to answer with.
    public var decision: StoredDecision {
        switch self {
        case .recorded(let decision), .replayed(let decision): decision
        }
    }

    /// Whether the answer is an earlier decision.
    public var isReplay: Bool {
        if case .replayed = self { return true }
        return false
    }
}
