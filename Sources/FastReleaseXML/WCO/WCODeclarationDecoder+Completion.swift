import FastReleaseCore

extension WCODeclarationDecoder {
    /// Finishes a goods item: quantity and unit, derived unit price, currency.
    ///
    /// The format has no unit price. The quantity is the supplementary units (`TariffQuantity`)
    /// when declared, else the number of packages; the unit price is the item's value divided
    /// by that quantity.
    func finished(_ item: DeclarationItem) -> DeclarationItem {
        var item = item
        if let units = item.legalQuantity {
            item.quantity = units
            item.unit = item.legalUnit
        } else if let packages = itemValues.packages {
            item.quantity = packages
            item.unit = itemValues.packageType
        }
        if item.value == nil, let statistical = itemValues.statisticalValue {
            item.value = statistical
            item.currency = itemValues.statisticalCurrency
        }
        if let value = item.value, let quantity = item.quantity, quantity > 0 {
            item.unitPrice = value / quantity
        }
        if item.hs == nil, head.functionCode != "13",
            !declaration.issues.contains(where: { $0.code == "invalid-hs" })
        {
            note("missing-hs", "goods item \(item.line) has no Classification of type TSP or GN")
        }
        if declaration.dispatchCountry == nil, let country = itemValues.exportCountry {
            declaration.dispatchCountry = country
        }
        return item
    }

    /// Completes a declaration once its end tag is read: function and direction from
    /// `FunctionCode` and `TypeCode`, port and transport mode, totals. Emits an error record and
    /// returns `false` when the declaration cannot be decided.
    func complete() -> Bool {
        guard readFunctionAndDirection() else { return false }
        if declaration.function == .original, declaration.items.isEmpty {
            fail("Declaration has no GovernmentAgencyGoodsItem goods items; declare at least one")
            return false
        }
        if declaration.function != .original, declaration.amends.isEmpty {
            fail(
                "a \(declaration.function.rawValue) (FunctionCode 13, TypeCode \(head.typeCode)) must name the MRN of the declaration it changes in ID"
            )
            return false
        }
        if let count = head.declaredItemCount, declaration.function == .original, count != declaration.items.count {
            note(
                "item-count-mismatch", "GoodsItemQuantity is \(count) but \(declaration.items.count) goods items follow"
            )
        }
        declaration.port =
            declaration.direction == .export && !head.exitOffice.isEmpty ? head.exitOffice : head.goodsLocation
        if declaration.transportMode.isEmpty { declaration.transportMode = head.inlandMode }
        for index in declaration.items.indices where declaration.items[index].currency.isEmpty {
            declaration.items[index].currency = head.invoiceCurrency
        }
        // An amendment states only what changes: its totals are worked out after merging.
        if !declaration.carriesChangesOnly { totals() }
        return true
    }

    private func readFunctionAndDirection() -> Bool {
        let type = head.typeCode
        switch head.functionCode {
        case "9", "":
            declaration.function = .original
            if type.hasPrefix("EX") {
                declaration.direction = .export
            } else if type.hasPrefix("IM") {
                declaration.direction = .import
            } else if type.hasPrefix("CO") {
                // Special fiscal territories: the requested procedure tells the direction
                // (10-31 are export procedures in the Union Customs Code's DE 1/10 list).
                let requested = Int(declaration.procedure.prefix(2)) ?? 0
                declaration.direction = (10...31).contains(requested) ? .export : .import
                note(
                    "special-fiscal-territory",
                    "TypeCode \(type) (special fiscal territories) read as \(declaration.direction.rawValue) from procedure \(declaration.procedure)"
                )
            } else {
                fail(
                    "TypeCode `\(type)` is not a declaration type (IM, EX or CO and an additional type letter, DE 1/1-1/2)"
                )
                return false
            }
        case "13":
            switch type {
            case "COR": declaration.function = .amendment
            case "INV": declaration.function = .cancellation
            default:
                fail("FunctionCode 13 needs TypeCode COR (amendment) or INV (cancellation), found `\(type)`")
                return false
            }
            declaration.carriesChangesOnly = true
            declaration.references.append(NamedReference(name: "FunctionalReferenceID", value: declaration.id))
        default:
            fail("FunctionCode `\(head.functionCode)` is neither 9 (original) nor 13 (amendment or cancellation)")
            return false
        }
        return true
    }

    /// Declaration currency and total value: `InvoiceAmount` when declared, otherwise the sum
    /// of the items when they share one currency.
    private func totals() {
        let currencies = Set(declaration.items.map(\.currency).filter { !$0.isEmpty })
        if !head.invoiceCurrency.isEmpty {
            declaration.currency = head.invoiceCurrency
        } else if currencies.count == 1 {
            declaration.currency = currencies.first!
        }
        let gross = declaration.items.compactMap(\.grossWeight)
        if !gross.isEmpty { declaration.grossWeight = gross.reduce(0, +) }
        let net = declaration.items.compactMap(\.netWeight)
        if !net.isEmpty { declaration.netWeight = net.reduce(0, +) }
        guard declaration.totalValue == nil else { return }
        if currencies.count > 1 {
            note("mixed-currency", "goods items use \(currencies.sorted().joined(separator: ", ")); no total value")
            return
        }
        let values = declaration.items.compactMap(\.value)
        if !values.isEmpty { declaration.totalValue = values.reduce(0, +) }
    }

    private func fail(_ reason: String) {
        context.emit(
            DeclarationError(
                code: .invalidField, position: declaration.position, messageID: context.messageID,
                declarationID: declaration.id, reason: reason))
    }
}
