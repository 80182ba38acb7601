import FastReleaseCore

extension WCODeclarationDecoder {
    /// Reads one leaf element by where it sits on the path.
    func read(_ element: WCOElement, _ text: UnsafeRawBufferPointer) {
        let parent = path.count >= 2 ? path[path.count - 2] : .declaration
        let grandparent = path.count >= 3 ? path[path.count - 3] : .declaration
        if let role = parent.partyRole {
            readParty(role, element, text)
            return
        }
        if parent == .address, element == .countryCode, let role = grandparent.partyRole {
            setParty(role) { $0.country = countryCode(text, field: "\(grandparent.rawValue)/Address/CountryCode") }
            return
        }
        if parent == .additionalDocument {
            switch element {
            case .categoryCode: head.document.category = XMLBytes.string(text)
            case .typeCode: head.document.type = XMLBytes.string(text)
            case .id: head.document.id = XMLBytes.string(text)
            default: break
            }
            return
        }
        if parent == .previousDocument {
            switch element {
            case .typeCode: head.previous.type = XMLBytes.string(text)
            case .id: head.previous.id = XMLBytes.string(text)
            default: break
            }
            return
        }
        if path.count >= 3, path[0] == .goodsShipment, path[1] == .item {
            readItem(element, parent: parent, text)
        } else if path.first == .goodsShipment {
            readShipment(element, parent: parent, text)
        } else {
            readDeclaration(element, parent: parent, text)
        }
    }

    /// Reads a leaf of the declaration itself or of its direct aggregates.
    private func readDeclaration(_ element: WCOElement, parent: WCOElement, _ text: UnsafeRawBufferPointer) {
        switch (parent, element) {
        case (.declaration, .functionCode): head.functionCode = XMLBytes.string(text)
        case (.declaration, .functionalReferenceID):
            declaration.id = XMLBytes.string(text)
            if context.messageID.isEmpty { context.messageID = declaration.id }
        case (.declaration, .id): declaration.amends = XMLBytes.string(text)
        case (.declaration, .typeCode): head.typeCode = XMLBytes.string(text)
        case (.declaration, .goodsItemQuantity): head.declaredItemCount = XMLBytes.integer(text)
        case (.declaration, .totalPackageQuantity): declaration.packages = number(text, field: "TotalPackageQuantity")
        case (.declaration, .invoiceAmount):
            declaration.totalValue = number(text, field: "InvoiceAmount")
            head.invoiceCurrency = currency(pendingAttribute, field: "InvoiceAmount/@currencyID")
        case (.supervisingOffice, .id): declaration.office = XMLBytes.string(text)
        case (.exitOffice, .id): head.exitOffice = XMLBytes.string(text)
        case (.borderTransportMeans, .modeCode): declaration.transportMode = XMLBytes.string(text)
        case (.issueDateTime, .dateTimeString):
            let value = XMLBytes.string(text)
            declaration.declaredAt = CivilTime(compact: value.prefix(14))
            if declaration.declaredAt == nil {
                note("invalid-time", "IssueDateTime `\(value)` is not YYYYMMDDhhmmss (format 304)")
            }
        case (.additionalInformation, .statementDescription):
            declaration.references.append(NamedReference(name: "StatementDescription", value: XMLBytes.string(text)))
        default: break
        }
    }

    /// Reads a leaf of `GoodsShipment` outside its goods items.
    private func readShipment(_ element: WCOElement, parent: WCOElement, _ text: UnsafeRawBufferPointer) {
        switch (parent, element) {
        case (.destination, .countryCode):
            declaration.destinationCountry = countryCode(text, field: "Destination/CountryCode")
        case (.exportCountry, .id): declaration.dispatchCountry = countryCode(text, field: "ExportCountry/ID")
        case (.goodsLocation, .name): head.goodsLocation = XMLBytes.string(text)
        case (.arrivalTransportMeans, .modeCode): head.inlandMode = XMLBytes.string(text)
        case (.ucr, .traderAssignedReferenceID):
            declaration.references.append(NamedReference(name: "UCR", value: XMLBytes.string(text)))
        default: break
        }
    }

    /// Reads a leaf of a goods item.
    private func readItem(_ element: WCOElement, parent: WCOElement, _ text: UnsafeRawBufferPointer) {
        guard readingItem else { return }
        switch (parent, element) {
        case (.item, .sequenceNumeric):
            if let line = XMLBytes.integer(text) {
                item.line = line
            } else {
                note("invalid-number", "SequenceNumeric `\(XMLBytes.string(text))` is not a goods item number")
            }
        case (.item, .statisticalValueAmount):
            itemValues.statisticalValue = number(text, field: "StatisticalValueAmount")
            itemValues.statisticalCurrency = currency(pendingAttribute, field: "StatisticalValueAmount/@currencyID")
        case (.commodity, .description): item.description = XMLBytes.string(text)
        case (.classification, .id): itemValues.classificationID = XMLBytes.string(text)
        case (.classification, .identificationTypeCode): itemValues.classificationType = XMLBytes.string(text)
        case (.goodsMeasure, .grossMassMeasure): item.grossWeight = number(text, field: "GrossMassMeasure")
        case (.goodsMeasure, .netNetWeightMeasure): item.netWeight = number(text, field: "NetNetWeightMeasure")
        case (.goodsMeasure, .tariffQuantity):
            item.legalQuantity = number(text, field: "TariffQuantity")
            item.legalUnit = pendingAttribute ?? ""
        case (.invoiceLine, .itemChargeAmount):
            item.value = number(text, field: "ItemChargeAmount")
            item.currency = currency(pendingAttribute, field: "ItemChargeAmount/@currencyID")
        case (.origin, .countryCode): item.originCountry = countryCode(text, field: "Origin/CountryCode")
        case (.destination, .countryCode):
            item.destinationCountry = countryCode(text, field: "Destination/CountryCode")
        case (.exportCountry, .id): itemValues.exportCountry = countryCode(text, field: "ExportCountry/ID")
        case (.packaging, .quantityQuantity):
            if let count = number(text, field: "Packaging/QuantityQuantity") {
                itemValues.packages = (itemValues.packages ?? 0) + count
            }
        case (.packaging, .typeCode): itemValues.packageType = XMLBytes.string(text)
        case (.governmentProcedure, .currentCode): itemValues.procedureCurrent = XMLBytes.string(text)
        case (.governmentProcedure, .previousCode): itemValues.procedurePrevious = XMLBytes.string(text)
        default: break
        }
    }

    private func readParty(_ role: PartyRoleName, _ element: WCOElement, _ text: UnsafeRawBufferPointer) {
        // The submitter (of a cancellation) stands for the declarant only when none is named.
        if role == .submitter, head.declarantNamed { return }
        if role == .declarant { head.declarantNamed = true }
        switch element {
        case .id: setParty(role) { $0.code = XMLBytes.string(text) }
        case .name: setParty(role) { $0.name = XMLBytes.string(text) }
        default: break
        }
    }

    // MARK: Aggregates

    /// Keeps an `AdditionalDocument` as a document reference: its kind is category and type
    /// joined, as the UK tariff writes document codes (`N` + `935` = `N935`).
    func addDocument() {
        let parts = head.document
        guard !parts.type.isEmpty || !parts.category.isEmpty else { return }
        declaration.documents.append(DocumentReference(kind: parts.category + parts.type, identifier: parts.id))
    }

    /// Keeps the consignment's DUCR (a shipment-level previous document of type `DCR`) as a
    /// reference: random selection is keyed on it (``ConsignmentKey``).
    func addConsignmentReference() {
        let parts = head.previous
        guard parts.type == "DCR", !parts.id.isEmpty else { return }
        declaration.references.append(NamedReference(name: "DUCR", value: parts.id))
    }

    /// Takes the commodity code from the first classification of type `TSP` or `GN` (the CN
    /// code); TARIC and national additional codes are not HS codes. Some senders also type
    /// national additional codes such as `VATZ` as `GN`: after a commodity code, those are skipped.
    func applyClassification() {
        guard readingItem, item.hs == nil,
            itemValues.classificationType == "TSP" || itemValues.classificationType == "GN"
        else { return }
        item.hs = HSCode(itemValues.classificationID)
        if item.hs == nil {
            note(
                "invalid-hs",
                "goods item \(item.line): Classification ID `\(itemValues.classificationID)` is not a commodity code")
        }
    }

    /// A two-digit `CurrentCode` with its `PreviousCode` is the customs procedure code (CPC,
    /// such as `4000`); a three-character one is an additional procedure, kept as a reference.
    func applyProcedure() {
        guard readingItem else { return }
        let current = itemValues.procedureCurrent
        if current.count == 2 {
            let code = current + itemValues.procedurePrevious
            if declaration.procedure.isEmpty {
                declaration.procedure = code
            } else if declaration.procedure != code {
                note(
                    "mixed-procedure",
                    "goods item \(item.line) declares procedure \(code), the first item \(declaration.procedure)")
            }
        } else if current.count == 3, current != "000" {
            declaration.references.append(NamedReference(name: "AdditionalProcedure", value: current))
        }
    }

    // MARK: Values

    private func setParty(_ role: PartyRoleName, _ change: (inout Party) -> Void) {
        let target: PartyRole
        switch role {
        case .declarant: target = .declarant
        case .agent: target = .agent
        case .exporter: target = .exporter
        case .importer: target = .importer
        case .consignee: target = .consignee
        case .submitter: target = .declarant
        }
        declaration.parties.update(target, change)
    }

    /// An ISO 3166 alpha-2 code passes through; anything else is a data issue.
    private func countryCode(_ text: UnsafeRawBufferPointer, field: String) -> CountryCode? {
        guard text.count == 2, let code = CountryCode(text[0], text[1]) else {
            note("unknown-country", "\(field) `\(XMLBytes.string(text))` is not an ISO 3166 alpha-2 country code")
            return nil
        }
        return code
    }

    /// An ISO 4217 code passes through; anything else is a data issue.
    private func currency(_ code: String?, field: String) -> String {
        guard let code else { return "" }
        guard code.utf8.count == 3, code.utf8.allSatisfy({ $0 >= UInt8(ascii: "A") && $0 <= UInt8(ascii: "Z") })
        else {
            note("unknown-currency", "\(field) `\(code)` is not an ISO 4217 currency code")
            return ""
        }
        return code
    }
}
