/// The parties of a declaration, one slot per role, stored inline (no dictionary per declaration).
public struct Parties: Sendable, Hashable {
    private var slots: (Party?, Party?, Party?, Party?, Party?, Party?, Party?, Party?)

    /// Creates an empty set of parties.
    public init() {
        slots = (nil, nil, nil, nil, nil, nil, nil, nil)
    }

    /// Changes the party in a role in place, starting from a party with an empty code when
    /// there is none: unlike reading the party, changing it and setting it back, this copies
    /// nothing.
    public mutating func update(_ role: PartyRole, _ change: (inout Party) -> Void) {
        switch role {
        case .declarant: Self.update(&slots.0, change)
        case .agent: Self.update(&slots.1, change)
        case .platform: Self.update(&slots.2, change)
        case .seller: Self.update(&slots.3, change)
        case .importer: Self.update(&slots.4, change)
        case .exporter: Self.update(&slots.5, change)
        case .consignee: Self.update(&slots.6, change)
        case .logistics: Self.update(&slots.7, change)
        }
    }

    private static func update(_ slot: inout Party?, _ change: (inout Party) -> Void) {
        var party = slot.take() ?? Party(code: "")
        change(&party)
        slot = consume party
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
    public func code(_ role: PartyRole) -> String? { read(role) { $0?.code } }

    /// The name of the party in a role, or `nil`, without copying the party.
    @inline(__always)
    public func name(_ role: PartyRole) -> String? { read(role) { $0?.name } }

    /// The country of the party in a role, or `nil`, without copying the party.
    @inline(__always)
    public func country(_ role: PartyRole) -> CountryCode? { read(role) { $0?.country } }

    /// Reads one field of the party in a role, borrowing the party where the subscript copies it.
    @inline(__always)
    private func read<Value>(_ role: PartyRole, _ field: (borrowing Party?) -> Value?) -> Value? {
        switch role {
        case .declarant: field(slots.0)
        case .agent: field(slots.1)
        case .platform: field(slots.2)
        case .seller: field(slots.3)
        case .importer: field(slots.4)
        case .exporter: field(slots.5)
        case .consignee: field(slots.6)
        case .logistics: field(slots.7)
        }
    }

    public static func == (lhs: Parties, rhs: Parties) -> Bool {
        PartyRole.allCases.allSatisfy { lhs[$0] == rhs[$0] }
    }

    public func hash(into hasher: inout Hasher) {
        for role in PartyRole.allCases { hasher.combine(self[role]) }
    }
}
