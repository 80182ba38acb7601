/// The lane a recorded decision stands in: a decided ``Lane``, or `withdrawn` once a
/// cancellation took the declaration back.
///
/// Written by name (`release`, `sample-release`, `withdrawn`) in payloads and in the log.
public enum RecordedLane: Sendable, Hashable, CustomStringConvertible {
    /// A decision's lane.
    case decided(Lane)
    /// The declaration was cancelled.
    case withdrawn

    /// The name written for a withdrawn declaration.
    public static let withdrawnName = "withdrawn"

    /// Reads a lane by its written name; `nil` for a name that is neither a lane nor `withdrawn`.
    public init?(name: String) {
        if name == Self.withdrawnName {
            self = .withdrawn
        } else if let lane = Lane(name: name) {
            self = .decided(lane)
        } else {
            return nil
        }
    }

    /// The written name.
    public var name: String {
        switch self {
        case .decided(let lane): lane.name
        case .withdrawn: Self.withdrawnName
        }
    }

    /// The lane decided, `nil` when withdrawn.
    public var lane: Lane? {
        if case .decided(let lane) = self { return lane }
        return nil
    }

    public var description: String { name }
}
