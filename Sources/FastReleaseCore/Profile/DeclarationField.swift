/// A declaration field that a rule condition can test, named the same in every format.
///
/// Fields are either about the whole declaration (`country.dispatch`) or about one goods
/// line (`item.hs`). A rule's item conditions must all hold for the same line.
public struct DeclarationField: Sendable, Hashable, CustomStringConvertible {
    /// What kind of value the field holds, which decides the operators it accepts.
    public enum Kind: Sendable, Hashable {
        /// A code compared exactly.
        case code
        /// Free text, searched for keywords.
        case text
        /// A number.
        case number
        /// An ISO country code.
        case country
        /// An HS commodity code.
        case hs
        /// A set of codes (documents, issues).
        case codeSet
        /// One of a fixed set of words.
        case choice([String])
        /// true or false.
        case flag
    }

    /// Which value the field reads; the scorer switches on it.
    public enum Key: Sendable, Hashable {
        case id, format, direction, function, procedure, office, port, transportMode
        case dispatchCountry, destinationCountry, totalValue, currency, grossWeight, netWeight, packages
        case documents, lots, issues, itemCount
        case partyCode(PartyRole), partyName(PartyRole), partyCountry(PartyRole)
        case enterpriseCode, enterpriseClass, enterpriseList, enterpriseZone, enterpriseRegistered
        case itemHS, itemDescription, itemQuantity, itemUnit, itemLegalQuantity, itemLegalUnit
        case itemUnitPrice, itemValue, itemCurrency, itemOrigin, itemDestination, itemGrossWeight, itemNetWeight
    }

    /// The name rules use, such as `item.country.origin`.
    public let name: String
    /// The value the field reads.
    public let key: Key
    /// The kind of value.
    public let kind: Kind
    /// Whether the field belongs to a goods line rather than the whole declaration.
    public var isItemField: Bool { name.hasPrefix("item.") }

    public var description: String { name }

    /// Looks a field up by name.
    public static func named(_ name: String) -> DeclarationField? { catalogueByName[name] }

    /// Every field, in documentation order.
    public static let catalogue: [DeclarationField] = {
        var fields: [DeclarationField] = [
            .init(name: "id", key: .id, kind: .code),
            .init(name: "format", key: .format, kind: .code),
            .init(name: "direction", key: .direction, kind: .choice(Direction.allCases.map(\.rawValue))),
            .init(name: "function", key: .function, kind: .choice(DeclarationFunction.allCases.map(\.rawValue))),
            .init(name: "procedure", key: .procedure, kind: .code),
            .init(name: "office", key: .office, kind: .code),
            .init(name: "port", key: .port, kind: .code),
            .init(name: "transport.mode", key: .transportMode, kind: .code),
            .init(name: "country.dispatch", key: .dispatchCountry, kind: .country),
            .init(name: "country.destination", key: .destinationCountry, kind: .country),
            .init(name: "value.total", key: .totalValue, kind: .number),
            .init(name: "value.currency", key: .currency, kind: .code),
            .init(name: "weight.gross", key: .grossWeight, kind: .number),
            .init(name: "weight.net", key: .netWeight, kind: .number),
            .init(name: "packages", key: .packages, kind: .number),
            .init(name: "documents", key: .documents, kind: .codeSet),
            .init(name: "lots", key: .lots, kind: .codeSet),
            .init(name: "issues", key: .issues, kind: .codeSet),
            .init(name: "items.count", key: .itemCount, kind: .number),
        ]
        for role in PartyRole.allCases {
            fields.append(.init(name: "\(role.rawValue).code", key: .partyCode(role), kind: .code))
            fields.append(.init(name: "\(role.rawValue).name", key: .partyName(role), kind: .text))
            fields.append(.init(name: "\(role.rawValue).country", key: .partyCountry(role), kind: .country))
        }
        fields += [
            .init(name: "enterprise.code", key: .enterpriseCode, kind: .code),
            .init(name: "enterprise.class", key: .enterpriseClass, kind: .number),
            .init(name: "enterprise.list", key: .enterpriseList, kind: .choice(["red", "black", "none"])),
            .init(name: "enterprise.zone", key: .enterpriseZone, kind: .code),
            .init(name: "enterprise.registered", key: .enterpriseRegistered, kind: .flag),
            .init(name: "item.hs", key: .itemHS, kind: .hs),
            .init(name: "item.description", key: .itemDescription, kind: .text),
            .init(name: "item.quantity", key: .itemQuantity, kind: .number),
            .init(name: "item.unit", key: .itemUnit, kind: .code),
            .init(name: "item.quantity.legal", key: .itemLegalQuantity, kind: .number),
            .init(name: "item.unit.legal", key: .itemLegalUnit, kind: .code),
            .init(name: "item.price.unit", key: .itemUnitPrice, kind: .number),
            .init(name: "item.value", key: .itemValue, kind: .number),
            .init(name: "item.currency", key: .itemCurrency, kind: .code),
            .init(name: "item.country.origin", key: .itemOrigin, kind: .country),
            .init(name: "item.country.destination", key: .itemDestination, kind: .country),
            .init(name: "item.weight.gross", key: .itemGrossWeight, kind: .number),
            .init(name: "item.weight.net", key: .itemNetWeight, kind: .number),
        ]
        return fields
    }()

    private static let catalogueByName: [String: DeclarationField] = Dictionary(
        uniqueKeysWithValues: catalogue.map { ($0.name, $0) })
}
