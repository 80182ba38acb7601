/// How a declaration is treated: released at once, or checked in one of four ways.
///
/// Lanes are ordered by strength: `release < document < sampleRelease < inspectRelease < hold`.
/// When several rules, the score thresholds and random sampling each ask for a lane, the
/// strongest wins.
public enum Lane: Int, Sendable, Hashable, Comparable, CaseIterable, CustomStringConvertible {
    /// Released on declaration, no inspection (即报即放).
    case release = 0
    /// Documents reviewed, then released.
    case document = 1
    /// Samples taken for the laboratory; goods released without waiting (即抽即放).
    case sampleRelease = 2
    /// Physical inspection, released right after it (即查即放).
    case inspectRelease = 3
    /// Inspected and held until laboratory results arrive.
    case hold = 4

    /// The lane's name as profiles and decisions write it, such as `sample-release`.
    public var name: String {
        switch self {
        case .release: "release"
        case .document: "document"
        case .sampleRelease: "sample-release"
        case .inspectRelease: "inspect-release"
        case .hold: "hold"
        }
    }

    /// Looks a lane up by its written name.
    public init?(name: String) {
        guard let lane = Self.allCases.first(where: { $0.name == name }) else { return nil }
        self = lane
    }

    public var description: String { name }

    public static func < (lhs: Lane, rhs: Lane) -> Bool { lhs.rawValue < rhs.rawValue }
}
