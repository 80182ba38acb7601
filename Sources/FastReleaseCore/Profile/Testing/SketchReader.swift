internal import Yams

/// Reads a declaration sketched in YAML, with the field names of the profile language
/// (`country.dispatch`, `seller.code`, `items: [{hs: …, country.origin: …}]`), so that a
/// case reads like the rules it tests. Fields not given are absent, as in a message that
/// omits them.
struct SketchReader {
    let file: YAMLFile

    static let roleKeys = PartyRole.allCases.flatMap {
        ["\($0.rawValue).code", "\($0.rawValue).name", "\($0.rawValue).country"]
    }
    static let declarationKeys =
        [
            "format", "direction", "function", "id", "procedure", "office", "port", "transport.mode", "declared_at",
            "country.dispatch", "country.destination", "value.total", "value.currency", "weight.gross",
            "weight.net", "packages", "documents", "lots", "issues", "items",
        ] + roleKeys
    static let itemKeys = [
        "hs", "description", "quantity", "unit", "quantity.legal", "unit.legal", "price.unit", "value", "currency",
        "country.origin", "country.destination", "weight.gross", "weight.net", "lots",
    ]

    func declaration(_ node: Node) -> Declaration? {
        guard let entries = file.mapping(node, .name("declaration"), allowed: Self.declarationKeys) else { return nil }
        let format = entries.first { $0.key == "format" }.flatMap { file.string($0.value, .name("format")) } ?? "CEB621"
        var declaration = Declaration(
            format: format, direction: format == "CEB603" ? .export : .import, position: file.position(node))
        for entry in entries {
            read(entry, into: &declaration)
        }
        if declaration.id.isEmpty { file.error(node, en: "the declaration needs an `id`", zh: "申报单需要 `id`") }
        if declaration.items.isEmpty {
            file.error(
                node, en: "the declaration needs `items` (at least one goods line)", zh: "申报单需要 `items`（至少一个商品项）")
        }
        for index in declaration.items.indices where declaration.items[index].currency.isEmpty {
            declaration.items[index].currency = declaration.currency
        }
        if declaration.totalValue == nil {
            let values = declaration.items.compactMap(\.value)
            if values.count == declaration.items.count { declaration.totalValue = values.reduce(0, +) }
        }
        return declaration
    }

    private func read(_ entry: YAMLFile.Entry, into declaration: inout Declaration) {
        let key = entry.key
        let node = entry.value
        switch key {
        case "format": break
        case "direction":
            if let value: Direction = choice(node, .name(key)) { declaration.direction = value }
        case "function":
            if let value: DeclarationFunction = choice(node, .name(key)) { declaration.function = value }
        case "id": declaration.id = file.string(node, .name(key)) ?? ""
        case "procedure": declaration.procedure = file.string(node, .name(key)) ?? ""
        case "office": declaration.office = file.string(node, .name(key)) ?? ""
        case "port": declaration.port = file.string(node, .name(key)) ?? ""
        case "transport.mode": declaration.transportMode = file.string(node, .name(key)) ?? ""
        case "declared_at": declaration.declaredAt = CaseReaderTime(file: file).time(node, .name(key))
        case "country.dispatch": declaration.dispatchCountry = country(node, .name(key))
        case "country.destination": declaration.destinationCountry = country(node, .name(key))
        case "value.total": declaration.totalValue = file.number(node, .name(key))
        case "value.currency": declaration.currency = file.string(node, .name(key)) ?? ""
        case "weight.gross": declaration.grossWeight = file.number(node, .name(key))
        case "weight.net": declaration.netWeight = file.number(node, .name(key))
        case "packages": declaration.packages = file.number(node, .name(key))
        case "documents":
            declaration.documents = (file.list(node, .name(key)) ?? []).map {
                DocumentReference(kind: $0.text, identifier: "\(declaration.id)-\($0.text)")
            }
        case "lots": declaration.lots += (file.list(node, .name(key)) ?? []).map { LotReference(identifier: $0.text) }
        case "issues":
            declaration.issues = (file.list(node, .name(key)) ?? []).map {
                DataIssue(code: $0.text, detail: "stated in the test case")
            }
        case "items":
            guard case .sequence(let items) = node else {
                file.error(node, en: "items must be a list of goods lines", zh: "items 应为商品项列表")
                return
            }
            var lots: [LotReference] = []
            declaration.items = items.enumerated().compactMap { item($0.element, line: $0.offset + 1, lots: &lots) }
            declaration.lots += lots
        default:
            party(key, node, into: &declaration)
        }
    }

    private func party(_ key: String, _ node: Node, into declaration: inout Declaration) {
        let parts = key.split(separator: ".", maxSplits: 1).map(String.init)
        guard parts.count == 2, let role = PartyRole(rawValue: parts[0]) else { return }
        var party = declaration.parties[role] ?? Party(code: "")
        switch parts[1] {
        case "code": party.code = file.string(node, .name(key)) ?? ""
        case "name": party.name = file.string(node, .name(key)) ?? ""
        default: party.country = country(node, .name(key))
        }
        declaration.parties[role] = party
    }

    /// One goods line; the lots it cites (`lots: [L-2026-0017]`) are added to `lots`.
    private func item(_ node: Node, line: Int, lots: inout [LotReference]) -> DeclarationItem? {
        guard let entries = file.mapping(node, OperatorText(en: "a goods line", zh: "商品项"), allowed: Self.itemKeys)
        else { return nil }
        var item = DeclarationItem(line: line)
        for entry in entries {
            let node = entry.value
            let key = entry.key
            switch key {
            case "hs":
                let text = file.string(node, .name(key)) ?? ""
                item.hs = HSCode(text)
                if item.hs == nil {
                    file.error(node, en: "`\(text)` is not an HS code (digits only)", zh: "`\(text)` 不是 HS 编码（只含数字）")
                }
            case "description": item.description = file.string(node, .name(key)) ?? ""
            case "quantity": item.quantity = file.number(node, .name(key))
            case "unit": item.unit = file.string(node, .name(key)) ?? ""
            case "quantity.legal": item.legalQuantity = file.number(node, .name(key))
            case "unit.legal": item.legalUnit = file.string(node, .name(key)) ?? ""
            case "price.unit": item.unitPrice = file.number(node, .name(key))
            case "value": item.value = file.number(node, .name(key))
            case "currency": item.currency = file.string(node, .name(key)) ?? ""
            case "country.origin": item.originCountry = country(node, .name(key))
            case "country.destination": item.destinationCountry = country(node, .name(key))
            case "weight.gross": item.grossWeight = file.number(node, .name(key))
            case "weight.net": item.netWeight = file.number(node, .name(key))
            case "lots":
                lots += (file.list(node, .name(key)) ?? []).map { LotReference(identifier: $0.text, line: line) }
            default: break
            }
        }
        if item.value == nil, let price = item.unitPrice, let quantity = item.quantity { item.value = price * quantity }
        return item
    }

    private func country(_ node: Node, _ what: OperatorText) -> CountryCode? {
        guard let text = file.string(node, what) else { return nil }
        guard let code = CountryCode(text) else {
            file.error(
                node, en: "\(what.english) `\(text)` is not a two-letter country code",
                zh: "\(what.zh) `\(text)` 不是两字母国家代码")
            return nil
        }
        return code
    }

    private func choice<T: RawRepresentable & CaseIterable>(_ node: Node, _ what: OperatorText) -> T?
    where T.RawValue == String {
        let cases = T.allCases
        guard let text = file.string(node, what) else { return nil }
        guard let value = T(rawValue: text) else {
            let names = cases.map(\.rawValue).joined(separator: ", ")
            file.error(
                node, en: "\(what.english) must be one of \(names), found `\(text)`",
                zh: "\(what.zh)应为以下之一：\(names)，实际是 `\(text)`")
            return nil
        }
        return value
    }
}
