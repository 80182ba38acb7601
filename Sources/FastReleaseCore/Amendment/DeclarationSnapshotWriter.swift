/// Writes a declaration as the JSON that `JSONEncoder` with `.sortedKeys` and
/// `.withoutEscapingSlashes` writes for it, byte for byte, without the `Encodable` machinery: the
/// service keeps a snapshot of every declaration it decides, and Foundation's encoder was 40 % of
/// its CPU time per declaration. A test compares the two on the corpus and on hostile strings
/// and numbers. Keys are written in sorted order; absent optionals are left out.
struct DeclarationSnapshotWriter {
    /// The JSON written; the caller frees it with ``deallocate()``.
    private(set) var bytes: RawByteBuffer
    /// Whether the object being written has a member already (the next one needs a comma).
    private var needsComma = false

    init(capacity: Int = 4096) {  // most snapshots are 1-4 KB: written without growing
        bytes = RawByteBuffer(capacity: capacity)
    }

    /// Frees the bytes; the writer is not used after.
    func deallocate() { bytes.deallocate() }

    /// Whether every number of the declaration can be written (JSON has no NaN or infinity;
    /// `JSONEncoder` refuses them, and the caller lets it say so).
    static func canWrite(_ declaration: Declaration) -> Bool {
        func finite(_ number: Double?) -> Bool { number?.isFinite ?? true }
        guard
            finite(declaration.totalValue), finite(declaration.grossWeight), finite(declaration.netWeight),
            finite(declaration.packages), declaration.lots.allSatisfy({ finite($0.quantity) })
        else { return false }
        return declaration.items.allSatisfy {
            finite($0.quantity) && finite($0.legalQuantity) && finite($0.unitPrice) && finite($0.value)
                && finite($0.grossWeight) && finite($0.netWeight)
        }
    }

    mutating func write(_ d: Declaration) {
        object {
            $0.string("amends", d.amends)
            $0.key("carriesChangesOnly")
            $0.append(raw: d.carriesChangesOnly ? "true" : "false")
            $0.string("currency", d.currency)
            if let at = d.declaredAt { $0.integer("declaredAt", Int(at.value)) }
            if let country = d.destinationCountry { $0.string("destinationCountry", country.description) }
            $0.string("direction", d.direction.rawValue)
            if let country = d.dispatchCountry { $0.string("dispatchCountry", country.description) }
            $0.array("documents", d.documents) { writer, document in
                writer.object {
                    $0.string("identifier", document.identifier)
                    $0.string("kind", document.kind)
                }
            }
            $0.string("format", d.format)
            $0.string("function", d.function.rawValue)
            if let weight = d.grossWeight { $0.number("grossWeight", weight) }
            $0.string("id", d.id)
            $0.array("issues", d.issues) { writer, issue in
                writer.object {
                    $0.string("code", issue.code)
                    $0.string("detail", issue.detail)
                }
            }
            $0.array("items", d.items) { writer, item in writer.write(item) }
            $0.array("lots", d.lots) { writer, lot in
                writer.object {
                    $0.string("identifier", lot.identifier)
                    if let line = lot.line { $0.integer("line", line) }
                    if let quantity = lot.quantity { $0.number("quantity", quantity) }
                }
            }
            $0.string("messageID", d.messageID)
            if let weight = d.netWeight { $0.number("netWeight", weight) }
            $0.string("office", d.office)
            if let packages = d.packages { $0.number("packages", packages) }
            $0.key("parties")
            $0.write(d.parties)
            $0.string("port", d.port)
            $0.key("position")
            $0.object {
                $0.integer("column", d.position.column)
                $0.integer("line", d.position.line)
                $0.string("source", d.position.source)
            }
            $0.string("procedure", d.procedure)
            $0.array("references", d.references) { writer, reference in
                writer.object {
                    $0.string("name", reference.name)
                    $0.string("value", reference.value)
                }
            }
            if let value = d.totalValue { $0.number("totalValue", value) }
            $0.string("transportMode", d.transportMode)
        }
    }

    private mutating func write(_ item: DeclarationItem) {
        object {
            $0.string("currency", item.currency)
            $0.string("description", item.description)
            if let country = item.destinationCountry { $0.string("destinationCountry", country.description) }
            if let weight = item.grossWeight { $0.number("grossWeight", weight) }
            if let hs = item.hs { $0.string("hs", hs.description) }
            if let quantity = item.legalQuantity { $0.number("legalQuantity", quantity) }
            $0.string("legalUnit", item.legalUnit)
            $0.integer("line", item.line)
            if let weight = item.netWeight { $0.number("netWeight", weight) }
            if let country = item.originCountry { $0.string("originCountry", country.description) }
            if let quantity = item.quantity { $0.number("quantity", quantity) }
            $0.string("unit", item.unit)
            if let price = item.unitPrice { $0.number("unitPrice", price) }
            if let value = item.value { $0.number("value", value) }
        }
    }

    /// The parties by role name, in sorted order, as `Parties`' `Codable` conformance writes them.
    private mutating func write(_ parties: Parties) {
        object {
            for role in Self.rolesByName {
                guard let party = parties[role] else { continue }
                $0.comma()
                $0.append(string: role.rawValue)
                $0.append(raw: ":")
                $0.object {
                    $0.string("code", party.code)
                    if let country = party.country { $0.string("country", country.description) }
                    $0.string("name", party.name)
                }
            }
        }
    }

    private static let rolesByName = PartyRole.allCases.sorted { $0.rawValue < $1.rawValue }

    // MARK: Structure

    /// An object: `{`, the members `body` writes, `}`.
    private mutating func object(_ body: (inout Self) -> Void) {
        append(raw: "{")
        needsComma = false
        body(&self)
        append(raw: "}")
        needsComma = true
    }

    /// An array member.
    private mutating func array<Element>(
        _ name: StaticString, _ elements: [Element], _ element: (inout Self, Element) -> Void
    ) {
        key(name)
        append(raw: "[")
        for (index, value) in elements.enumerated() {
            if index > 0 { append(raw: ",") }
            element(&self, value)
        }
        append(raw: "]")
        needsComma = true
    }

    private mutating func comma() {
        if needsComma { append(raw: ",") }
        needsComma = true
    }

    private mutating func key(_ name: StaticString) {
        comma()
        append(raw: "\"")
        append(raw: name)
        append(raw: "\":")
    }

    private mutating func string(_ name: StaticString, _ value: String) {
        key(name)
        append(string: value)
    }

    private mutating func integer(_ name: StaticString, _ value: Int) {
        key(name)
        bytes.writeInteger(value)
    }

    private mutating func number(_ name: StaticString, _ value: Double) {
        key(name)
        // A whole number below 10^15 (most quantities and prices) is its description without
        // `.0`: its digits, written without making the description (zero keeps its sign below).
        if value != 0, abs(value) < 1e15, value.rounded(.towardZero) == value {
            bytes.writeInteger(Int(value))
            return
        }
        // `JSONEncoder`'s form: the shortest description, without `.0` (dropped from the bytes
        // written; taking it off the `String` first cost more than writing the number).
        let start = bytes.count
        bytes.append(text: value.description)
        if bytes.count - start >= 2, bytes[bytes.count - 2] == UInt8(ascii: "."),
            bytes[bytes.count - 1] == UInt8(ascii: "0")
        {
            bytes.removeLast(2)
        }
    }

    // MARK: Values

    private mutating func append(string text: String) {
        var text = text
        text.withUTF8 { bytes.writeJSONString($0, namingBackspaceAndFormFeed: true) }
    }

    private mutating func append(raw text: StaticString) {
        bytes.append(text)
    }
}
