extension Declaration {
    /// This declaration as an amendment changes it.
    ///
    /// An amendment that carries only its changes (WCO `FunctionCode` 13, `TypeCode` COR)
    /// states the fields that change and nothing else: each field it states replaces this one's,
    /// goods items are matched by line number (new lines are added), a document replaces the
    /// document of the same kind. Unit prices and totals derived from changed values are worked
    /// out again. The result keeps this declaration's identity and takes the amendment's
    /// function, message and time.
    public func amended(by change: Declaration) -> Declaration {
        var result = self
        result.function = change.function
        result.amends = change.amends
        result.carriesChangesOnly = false
        result.messageID = change.messageID
        result.position = change.position
        result.references += change.references
        result.issues = change.issues
        result.replace(\.procedure, from: change)
        result.replace(\.office, from: change)
        result.replace(\.port, from: change)
        result.replace(\.transportMode, from: change)
        result.replace(\.currency, from: change)
        result.declaredAt = change.declaredAt ?? declaredAt
        result.dispatchCountry = change.dispatchCountry ?? dispatchCountry
        result.destinationCountry = change.destinationCountry ?? destinationCountry
        result.packages = change.packages ?? packages
        for role in PartyRole.allCases {
            guard let changed = change.parties[role] else { continue }
            var party = parties[role] ?? Party(code: "")
            if !changed.code.isEmpty { party.code = changed.code }
            if !changed.name.isEmpty { party.name = changed.name }
            if let country = changed.country { party.country = country }
            result.parties[role] = party
        }
        for document in change.documents {
            if let index = result.documents.firstIndex(where: { $0.kind == document.kind }) {
                result.documents[index] = document
            } else {
                result.documents.append(document)
            }
        }
        var itemsChanged = false
        for changedItem in change.items {
            itemsChanged = true
            if let index = result.items.firstIndex(where: { $0.line == changedItem.line }) {
                result.items[index] = result.items[index].amended(by: changedItem)
            } else {
                result.items.append(changedItem)
            }
        }
        if let total = change.totalValue {
            result.totalValue = total
        } else if itemsChanged {
            result.recomputeTotals()
        }
        return result
    }

    private mutating func replace(_ field: WritableKeyPath<Declaration, String>, from change: Declaration) {
        if !change[keyPath: field].isEmpty { self[keyPath: field] = change[keyPath: field] }
    }

    /// Total value and weights as the sum of the goods items, when every item states them in
    /// one currency.
    private mutating func recomputeTotals() {
        let values = items.compactMap(\.value)
        let currencies = Set(items.map(\.currency).filter { !$0.isEmpty })
        if values.count == items.count, currencies.count <= 1 { totalValue = values.reduce(0, +) }
        let gross = items.compactMap(\.grossWeight)
        if gross.count == items.count { grossWeight = gross.reduce(0, +) }
        let net = items.compactMap(\.netWeight)
        if net.count == items.count { netWeight = net.reduce(0, +) }
    }
}

extension DeclarationItem {
    /// This goods item with the fields a change states replaced; the unit price is worked out
    /// again from value and quantity when either changed.
    func amended(by change: DeclarationItem) -> DeclarationItem {
        var item = self
        item.hs = change.hs ?? hs
        if !change.description.isEmpty { item.description = change.description }
        if !change.unit.isEmpty { item.unit = change.unit }
        if !change.legalUnit.isEmpty { item.legalUnit = change.legalUnit }
        if !change.currency.isEmpty { item.currency = change.currency }
        item.legalQuantity = change.legalQuantity ?? legalQuantity
        item.originCountry = change.originCountry ?? originCountry
        item.destinationCountry = change.destinationCountry ?? destinationCountry
        item.grossWeight = change.grossWeight ?? grossWeight
        item.netWeight = change.netWeight ?? netWeight
        item.quantity = change.quantity ?? quantity
        item.value = change.value ?? value
        if change.value != nil || change.quantity != nil, let value = item.value, let quantity = item.quantity,
            quantity > 0
        {
            item.unitPrice = value / quantity
        } else {
            item.unitPrice = change.unitPrice ?? unitPrice
        }
        return item
    }
}
