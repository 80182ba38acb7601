import FastReleaseCore

/// What became of an inspection result sent to the log.
public enum InspectionOutcome: Sendable, Hashable {
    /// It is now in the log.
    case recorded(StoredInspection)
    /// The log already held a result with the same id: this one.
    case replayed(StoredInspection)

    /// The result to answer with.
    public var inspection: StoredInspection {
        switch self {
        case .recorded(let inspection), .replayed(let inspection): inspection
        }
    }
}
