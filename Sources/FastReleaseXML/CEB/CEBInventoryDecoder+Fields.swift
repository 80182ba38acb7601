import FastReleaseCore

extension CEBInventoryDecoder {
    /// Reads one `InventoryHead` field.
    func readHead(_ element: CEBElement, _ text: UnsafeRawBufferPointer) {
        guard reading, !text.isEmpty else { return }
        switch element {
        case .copNo: declaration.id = XMLBytes.string(text)
        case .invtNo:
            let number = XMLBytes.string(text)
            if declaration.id.isEmpty { declaration.id = number }
            declaration.references.append(NamedReference(name: "invtNo", value: number))
        case .preNo: declaration.references.append(NamedReference(name: "preNo", value: XMLBytes.string(text)))
        case .statisticsFlag:
            declaration.references.append(NamedReference(name: "statisticsFlag", value: XMLBytes.string(text)))
        case .appType: head.appType = XMLBytes.string(text)
        case .appTime:
            declaration.declaredAt = CivilTime(compact: XMLBytes.string(text))
            if declaration.declaredAt == nil {
                note("invalid-time", "appTime `\(XMLBytes.string(text))` is not yyyyMMddHHmmss")
            }
        case .ieFlag: head.ieFlag = XMLBytes.string(text)
        case .orderNo: declaration.references.append(NamedReference(name: "orderNo", value: XMLBytes.string(text)))
        case .logisticsNo:
            declaration.references.append(NamedReference(name: "logisticsNo", value: XMLBytes.string(text)))
        case .customsCode: declaration.office = XMLBytes.string(text)
        case .portCode: declaration.port = XMLBytes.string(text)
        case .tradeMode: declaration.procedure = XMLBytes.string(text)
        case .trafMode: declaration.transportMode = XMLBytes.string(text)
        case .emsNo: head.accountBook = XMLBytes.string(text)
        case .licenseNo:
            declaration.documents.append(DocumentReference(kind: "licence", identifier: XMLBytes.string(text)))
        case .country:
            let country = countryCode(text, field: "country")
            if direction == .import {
                declaration.dispatchCountry = country
            } else {
                declaration.destinationCountry = country
            }
        case .currency: declaration.currency = currencyCode(text, field: "currency")
        case .freight: head.freight = number(text, field: "freight")
        case .insuredFee: head.insuredFee = number(text, field: "insuredFee")
        case .packNo: declaration.packages = number(text, field: "packNo")
        case .grossWeight: declaration.grossWeight = number(text, field: "grossWeight")
        case .netWeight: declaration.netWeight = number(text, field: "netWeight")
        case .agentCode:
            setParty(.declarant, code: text)
            setParty(.agent, code: text)
        case .agentName:
            setParty(.declarant, name: text)
            setParty(.agent, name: text)
        case .ebpCode: setParty(.platform, code: text)
        case .ebpName: setParty(.platform, name: text)
        case .ebcCode:
            setParty(.seller, code: text)
            if direction == .export, declaration.parties.code(.exporter) == nil { setParty(.exporter, code: text) }
        case .ebcName: setParty(.seller, name: text)
        case .ownerCode: setParty(.exporter, code: text)
        case .ownerName: setParty(.exporter, name: text)
        case .logisticsCode: setParty(.logistics, code: text)
        case .logisticsName: setParty(.logistics, name: text)
        case .buyerIdNumber where direction == .import: setParty(.importer, code: text)
        case .buyerName where direction == .import: setParty(.importer, name: text)
        default: break
        }
    }

    /// Reads one `InventoryList` field.
    func readItem(_ element: CEBElement, _ text: UnsafeRawBufferPointer) {
        guard readingItem, !text.isEmpty else { return }
        read(element, text, into: &item)
    }

    private func read(_ element: CEBElement, _ text: UnsafeRawBufferPointer, into goods: inout DeclarationItem) {
        switch element {
        case .gnum:
            if let number = XMLBytes.integer(text) {
                goods.line = number
            } else {
                note("invalid-number", "gnum `\(XMLBytes.string(text))` is not a line number")
            }
        case .gcode:
            goods.hs = HSCode(utf8: text)
            if goods.hs == nil {
                note("invalid-hs", "line \(goods.line): gcode `\(XMLBytes.string(text))` is not an HS code")
            }
        case .gname: goods.description = XMLBytes.string(text)
        case .itemRecordNo: itemRecord = XMLBytes.string(text)
        case .qty: goods.quantity = number(text, field: "qty")
        case .unit: goods.unit = unitCode(text, field: "unit")
        case .qty1: goods.legalQuantity = number(text, field: "qty1")
        case .unit1: goods.legalUnit = unitCode(text, field: "unit1")
        case .price: goods.unitPrice = number(text, field: "price")
        case .totalPrice: goods.value = number(text, field: "totalPrice")
        case .currency: goods.currency = currencyCode(text, field: "currency")
        case .country:
            let country = countryCode(text, field: "country")
            if direction == .import { goods.originCountry = country } else { goods.destinationCountry = country }
        default: break
        }
    }

    /// Checks a goods line once all its fields are read.
    func check(_ item: inout DeclarationItem) {
        if item.hs == nil, !declaration.issues.contains(where: { $0.code == "invalid-hs" }) {
            note("missing-hs", "line \(item.line) has no gcode")
        }
        if item.currency.isEmpty { item.currency = declaration.currency }
        if let quantity = item.quantity, let price = item.unitPrice, let value = item.value {
            let expected = quantity * price
            if abs(expected - value) > max(0.01, abs(value) * 0.001) {
                note(
                    "price-mismatch",
                    "line \(item.line): qty \(plain(quantity)) × price \(plain(price)) = \(plain(expected)), but totalPrice is \(plain(value))"
                )
            }
        }
    }

    /// Completes a declaration: direction check, function, total value.
    func complete() {
        let expectedFlag = direction == .import ? "I" : "E"
        if !head.ieFlag.isEmpty, head.ieFlag != expectedFlag {
            declaration.issues.append(
                DataIssue(
                    code: "direction-flag-mismatch",
                    detail:
                        "ieFlag `\(head.ieFlag)` does not match \(format) (\(direction.rawValue)); the message type decides"
                ))
        }
        switch head.appType {
        case "", "1": declaration.function = .original
        case "2":
            declaration.function = .amendment
            declaration.amends = declaration.id
        case "3":
            declaration.function = .cancellation
            declaration.amends = declaration.id
        default:
            declaration.issues.append(
                DataIssue(
                    code: "invalid-code",
                    detail: "appType `\(head.appType)` is not 1, 2 or 3; read as a new declaration"))
        }
        let lineCurrency = declaration.items.firstIndex { !$0.currency.isEmpty }.map { declaration.items[$0].currency }
        let mixed = lineCurrency.map { first in
            declaration.items.contains { !$0.currency.isEmpty && $0.currency != first }
        }
        if declaration.currency.isEmpty, let lineCurrency, mixed == false { declaration.currency = lineCurrency }
        if mixed == true {
            let currencies = Set(declaration.items.map(\.currency).filter { !$0.isEmpty })
            declaration.issues.append(
                DataIssue(
                    code: "mixed-currency",
                    detail: "goods lines use \(currencies.sorted().joined(separator: ", ")); no total value"))
        } else {
            let values = declaration.items.compactMap(\.value)
            if !values.isEmpty {
                declaration.totalValue = values.reduce(0, +) + (head.freight ?? 0) + (head.insuredFee ?? 0)
            }
        }
    }

    // MARK: Values

    /// A number as people write it: `20`, not `20.0`.
    private func plain(_ number: Double) -> String {
        number == number.rounded() && abs(number) < 1e15 ? String(Int64(number)) : String(number)
    }

    private func countryCode(_ text: UnsafeRawBufferPointer, field: String) -> CountryCode? {
        guard let number = GACCCodeTables.number(text), codes.knownCountries[number] else {
            note("unknown-country", "\(field) `\(XMLBytes.string(text))` is not in the GACC country table")
            return nil
        }
        return codes.countries[number]
    }

    private func currencyCode(_ text: UnsafeRawBufferPointer, field: String) -> String {
        guard let number = GACCCodeTables.number(text), !codes.currencies[number].isEmpty else {
            note("unknown-currency", "\(field) `\(XMLBytes.string(text))` is not in the GACC currency table")
            return ""
        }
        return codes.currencies[number]
    }

    private func unitCode(_ text: UnsafeRawBufferPointer, field: String) -> String {
        guard let number = GACCCodeTables.number(text), !codes.units[number].isEmpty else {
            note("unknown-unit", "\(field) `\(XMLBytes.string(text))` is not in the GACC unit table")
            return ""
        }
        return codes.units[number]
    }

    private func setParty(_ role: PartyRole, code: UnsafeRawBufferPointer) {
        declaration.parties.update(role) { $0.code = XMLBytes.string(code) }
    }

    private func setParty(_ role: PartyRole, name: UnsafeRawBufferPointer) {
        declaration.parties.update(role) { $0.name = XMLBytes.string(name) }
    }
}
