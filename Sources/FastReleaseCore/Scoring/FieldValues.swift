/// Reads a field's value from a declaration, one of its items, or the enterprise standing.
///
/// Empty codes and texts read as missing (`nil`), so `present: false` and `not_in` treat a
/// blank element like an absent one.
enum FieldValues {
    static func code(
        _ key: DeclarationField.Key, _ declaration: Declaration, _ item: Int?,
        _ standing: EnterpriseStanding
    ) -> String? {
        let value: String
        switch key {
        case .id: value = declaration.id
        case .format: value = declaration.format
        case .direction: value = declaration.direction.rawValue
        case .function: value = declaration.function.rawValue
        case .procedure: value = declaration.procedure
        case .office: value = declaration.office
        case .port: value = declaration.port
        case .transportMode: value = declaration.transportMode
        case .currency: value = declaration.currency
        case .partyCode(let role): value = declaration.parties.code(role) ?? ""
        case .partyName(let role): value = declaration.parties.name(role) ?? ""
        case .enterpriseCode: value = standing.code
        case .enterpriseList: value = standing.list?.rawValue ?? "none"
        case .enterpriseZone: value = standing.zone
        case .enterpriseRegistered: value = standing.registered ? "true" : "false"
        case .itemDescription: value = item.map { declaration.items[$0].description } ?? ""
        case .itemUnit: value = item.map { declaration.items[$0].unit } ?? ""
        case .itemLegalUnit: value = item.map { declaration.items[$0].legalUnit } ?? ""
        case .itemCurrency: value = item.map { declaration.items[$0].currency } ?? ""
        default: return nil
        }
        return value.isEmpty ? nil : value
    }

    static func number(
        _ key: DeclarationField.Key, _ declaration: Declaration, _ item: Int?,
        _ standing: EnterpriseStanding
    ) -> Double? {
        switch key {
        case .totalValue: declaration.totalValue
        case .grossWeight: declaration.grossWeight
        case .netWeight: declaration.netWeight
        case .packages: declaration.packages
        case .itemCount: Double(declaration.items.count)
        case .enterpriseClass: Double(standing.creditClass)
        case .itemQuantity: item.flatMap { declaration.items[$0].quantity }
        case .itemLegalQuantity: item.flatMap { declaration.items[$0].legalQuantity }
        case .itemUnitPrice: item.flatMap { declaration.items[$0].unitPrice }
        case .itemValue: item.flatMap { declaration.items[$0].value }
        case .itemGrossWeight: item.flatMap { declaration.items[$0].grossWeight }
        case .itemNetWeight: item.flatMap { declaration.items[$0].netWeight }
        default: nil
        }
    }

    /// The HS code of the goods line at `item`.
    static func hs(_ declaration: Declaration, _ item: Int?) -> HSCode? {
        item.flatMap { declaration.items[$0].hs }
    }

    static func country(_ key: DeclarationField.Key, _ declaration: Declaration, _ item: Int?)
        -> CountryCode?
    {
        switch key {
        case .dispatchCountry: declaration.dispatchCountry
        case .destinationCountry: declaration.destinationCountry
        case .partyCountry(let role): declaration.parties.country(role)
        case .itemOrigin: item.flatMap { declaration.items[$0].originCountry }
        case .itemDestination: item.flatMap { declaration.items[$0].destinationCountry }
        default: nil
        }
    }

    /// Whether the set field holds `code`.
    static func setContains(_ key: DeclarationField.Key, _ declaration: Declaration, _ code: String) -> Bool {
        switch key {
        case .documents: declaration.documents.contains { $0.kind == code }
        case .lots: declaration.lots.contains { $0.identifier == code }
        case .issues: declaration.issues.contains { $0.code == code }
        default: false
        }
    }

    /// Calls `visit` with each member of the set field.
    static func forEachMember(_ key: DeclarationField.Key, _ declaration: Declaration, _ visit: (String) -> Void) {
        switch key {
        case .documents: for document in declaration.documents { visit(document.kind) }
        case .lots: for lot in declaration.lots { visit(lot.identifier) }
        case .issues: for issue in declaration.issues { visit(issue.code) }
        default: break
        }
    }

    static func setIsEmpty(_ key: DeclarationField.Key, _ declaration: Declaration) -> Bool {
        switch key {
        case .documents: declaration.documents.isEmpty
        case .lots: declaration.lots.isEmpty
        case .issues: declaration.issues.isEmpty
        default: true
        }
    }
}
