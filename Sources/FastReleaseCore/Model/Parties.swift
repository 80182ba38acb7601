/// The parties of a declaration, one slot per role, stored inline (no dictionary per declaration).
public struct Parties: Sendable, Hashable {
    private var slots: (Party?, Party?, Party?, Party?, Party?, Party?, Party?, Party?)

    /// Creates an empty set of parties.
    public init() {
        slots = (nil, nil, nil, nil, nil, nil, nil, nil)
    }

    /// The party in a role, if the declaration names one.
    public subscript(role: PartyRole) -> Party? {
        get {
            switch role {
            case .declarant: slots.0
            case .agent: slots.1
            case .platform: slots.2
            case .seller: slots.3
            case .importer: slots.4
            case .exporter: slots.5
            case .consignee: slots.6
            case .logistics: slots.7
            }
        }
        set {
            switch role {
            case .declarant: slots.0 = newValue
            case .agent: slots.1 = newValue
            case .platform: slots.2 = newValue
            case .seller: slots.3 = newValue
            case .importer: slots.4 = newValue
            case .exporter: slots.5 = newValue
            case .consignee: slots.6 = newValue
            case .logistics: slots.7 = newValue
            }
        }
    }

    /// The code of the party in a role, or `nil`, without copying the party.
    @inline(__always)
    public func code(_ role: PartyRole) -> String? {
        switch role {
        case .declarant: slots.0?.code
        case .agent: slots.1?.code
        case .platform: slots.2?.code
        case .seller: slots.3?.code
        case .importer: slots.4?.code
        case .exporter: slots.5?.code
        case .consignee: slots.6?.code
        case .logistics: slots.7?.code
        }
    }

    public static func == (lhs: Parties, rhs: Parties) -> Bool {
        PartyRole.allCases.allSatisfy { lhs[$0] == rhs[$0] }
    }

    public func hash(into hasher: inout Hasher) {
        for role in PartyRole.allCases { hasher.combine(self[role]) }
    }
}
