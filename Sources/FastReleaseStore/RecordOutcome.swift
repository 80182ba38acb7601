public import FastReleaseCore

/// What became of a decision sent to the log.
public enum RecordOutcome: Sendable, Hashable {
    /// It is now in the log.
    case recorded(StoredDecision)
    /// The log already held a decision for the same key: this one, which must be answered instead.
    case replayed(StoredDecision)
    /// Not recorded: writing off its claims would overdraw `lot` (another decision took what
    /// was left first). Decide it again against the lot's balance and record that.
    case overdrawn(StoredDecision, lot: String)

    /// The decision to answer with (for `.overdrawn`, the one that was not recorded).
    public var decision: StoredDecision {
        switch self {
        case .recorded(let decision), .replayed(let decision), .overdrawn(let decision, _): decision
        }
    }

    /// Whether the answer is an earlier decision.
    public var isReplay: Bool {
        if case .replayed = self { return true }
        return false
    }
}
