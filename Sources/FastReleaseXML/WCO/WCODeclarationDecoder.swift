import FastReleaseCore

/// Decodes WCO data model declarations in the UK CDS flavour (`DEC-DMS:2`): one `Declaration`
/// per message, inside an `md:MetaData` envelope or on its own.
///
/// The decoder keeps the path of element names below `Declaration` and reads each leaf by
/// where it sits (an `ID` under `Declarant` is the declarant's EORI, under `SupervisingOffice`
/// the office). The field map is in `docs/formats.md`. Direction and function come from
/// `TypeCode` and `FunctionCode`: `IM…`/`EX…` with function 9 is an original import or export,
/// function 13 with `COR` an amendment and with `INV` a cancellation of the declaration whose
/// MRN is in `ID`. Amendments carry only the changed data (``Declaration/carriesChangesOnly``).
final class WCODeclarationDecoder: FormatDecoder, DeclarationReading {
    /// The name decisions give the format.
    static let formatName = FormatNames.wcoDeclaration

    /// The two ways a declaration arrives: in its envelope, or bare.
    static let formats: [MessageFormat] = [
        MessageFormat(
            name: formatName, rootElement: "MetaData", namespace: WCONamespace.metadata, direction: .import,
            receipts: .dmsNotification, makeDecoder: { WCODeclarationDecoder() }),
        MessageFormat(
            name: formatName, rootElement: "Declaration", namespace: WCONamespace.declaration, direction: .import,
            receipts: .dmsNotification, makeDecoder: { WCODeclarationDecoder() }),
    ]

    /// Why a WCO root that is not a declaration is refused, or `nil`.
    static func refusal(root: String, namespace: String?) -> String? {
        if root == "MetaData", namespace == nil {
            return
                "MetaData without a namespace is a DMS notification (customs to trader), not a declaration; send declarations in namespace \(WCONamespace.metadata)"
        }
        if root == "Response" || namespace == WCONamespace.response {
            return "a WCO Response is a notification (customs to trader), not a declaration"
        }
        return nil
    }

    let declarationElement = "Declaration"
    // `@exclusivity(unchecked)` below: one session's, one SAX event at a time
    // (docs/architecture.md, "No runtime access checks on the hot path").
    @exclusivity(unchecked) private(set) var declarationsStarted = 0

    private(set) unowned(unsafe) var context: DecodeContext!
    private var declarationNamespace = NamespaceMatcher("urn:wco:datamodel:WCO:DEC-DMS:2")
    private var dataStringsNamespace = NamespaceMatcher("urn:wco:datamodel:WCO:Declaration_DS:DMS:2")
    private let names = InternedNames<WCOElement>(lookup: { WCOElement.named($0) })

    /// The declaration being read; kept non-optional so that field writes mutate in place.
    @exclusivity(unchecked) var declaration = Declaration(
        format: WCODeclarationDecoder.formatName, direction: .import,
        position: SourcePosition(source: "", line: 0, column: 0))
    @exclusivity(unchecked) var reading = false
    /// The element names from below `Declaration` down to the element being read.
    @exclusivity(unchecked) var path: [WCOElement] = []
    /// The depth of the `Declaration` element.
    @exclusivity(unchecked) private var declarationDepth = 0
    @exclusivity(unchecked) var head = HeadValues()
    /// The goods item being read (while `readingItem`). Kept non-optional so that each field is
    /// set in place: testing or writing an optional copied the whole item for each field.
    @exclusivity(unchecked) var item = DeclarationItem(line: 0)
    @exclusivity(unchecked) var readingItem = false
    @exclusivity(unchecked) var itemValues = ItemValues()
    /// The `currencyID` or `unitCode` attribute of the amount or quantity being read.
    @exclusivity(unchecked) var pendingAttribute: String?
    @exclusivity(unchecked) private var declarationStarted: UInt64 = 0
    /// The envelope's `md:ResponsibleCountryCode`: the country whose customs the declaration is for.
    @exclusivity(unchecked) private var responsibleCountry = ""

    /// Declaration values that need the whole declaration before they mean something.
    struct HeadValues {
        var functionCode = ""
        var declarantNamed = false
        var typeCode = ""
        var declaredItemCount: Int?
        var exitOffice = ""
        var goodsLocation = ""
        var inlandMode = ""
        var invoiceCurrency = ""
        var document = DocumentParts()
        /// The `GoodsShipment/PreviousDocument` being read.
        var previous = DocumentParts()
    }

    /// Goods item values that need the whole item.
    struct ItemValues {
        var classificationID = ""
        var classificationType = ""
        var packages: Double?
        var packageType = ""
        var statisticalValue: Double?
        var statisticalCurrency = ""
        var procedureCurrent = ""
        var procedurePrevious = ""
        var exportCountry: CountryCode?
    }

    /// The parts of one `AdditionalDocument`.
    struct DocumentParts {
        var category = ""
        var type = ""
        var id = ""
    }

    func begin(root: UnsafePointer<UInt8>, attributes: SAXAttributes, context: DecodeContext) {
        self.context = context
        names.use(dictionary: context.nameDictionary, generation: context.parserGeneration)
        declarationsStarted = 0
        reading = false
        readingItem = false
        path.removeAll(keepingCapacity: true)
        declarationNamespace.reset()
        dataStringsNamespace.reset()
        responsibleCountry = ""
        if cStringEquals(root, "Declaration") { beginDeclaration(depth: 1) }
    }

    func startElement(
        _ name: UnsafePointer<UInt8>, namespace: UnsafePointer<UInt8>?, depth: Int, attributes: SAXAttributes
    ) {
        guard reading else {
            if depth == 2, declarationNamespace.matches(namespace), cStringEquals(name, "Declaration") {
                beginDeclaration(depth: 2)
            } else if depth == 2, let namespace, cStringEquals(namespace, "urn:wco:datamodel:WCO:RES-DMS:2") {
                context.stop(
                    .notADeclaration, "this MetaData holds a Response (a DMS notification), not a Declaration")
            }
            return
        }
        let known = declarationNamespace.matches(namespace) || dataStringsNamespace.matches(namespace)
        let element = known ? names.element(name) ?? .other : .other
        path.append(element)
        switch element {
        case .item where path.count == 2 && path[0] == .goodsShipment:
            beginItem()
        case .itemChargeAmount, .invoiceAmount, .statisticalValueAmount:
            pendingAttribute = attributes.value("currencyID")
        case .tariffQuantity:
            pendingAttribute = attributes.value("unitCode")
        case .additionalDocument:
            head.document = DocumentParts()
        case .previousDocument:
            head.previous = DocumentParts()
        case .classification:
            itemValues.classificationID = ""
            itemValues.classificationType = ""
        case .governmentProcedure:
            itemValues.procedureCurrent = ""
            itemValues.procedurePrevious = ""
        default:
            break
        }
    }

    func endElement(
        _ name: UnsafePointer<UInt8>, namespace: UnsafePointer<UInt8>?, depth: Int, text: UnsafeRawBufferPointer
    ) {
        guard reading else {
            if depth == 2, cStringEquals(name, "ResponsibleCountryCode") {
                responsibleCountry = XMLBytes.string(XMLBytes.trimmed(text))
            }
            return
        }
        if depth == declarationDepth {
            finishDeclaration()
            return
        }
        guard let element = path.last else { return }
        let trimmed = XMLBytes.trimmed(text)
        if !trimmed.isEmpty, element != .other { read(element, trimmed) }
        switch element {
        case .additionalDocument: addDocument()
        case .previousDocument where path.count == 2 && path[0] == .goodsShipment: addConsignmentReference()
        case .classification: applyClassification()
        case .governmentProcedure: applyProcedure()
        case .item where path.count == 2: finishItem()
        default: break
        }
        path.removeLast()
    }

    func abandon(_ error: DeclarationError) {
        var error = error
        if reading { error.declarationID = declaration.id }
        context.emit(error)
        reading = false
        readingItem = false
    }

    // MARK: Structure

    private func beginDeclaration(depth: Int) {
        declarationsStarted += 1
        declarationDepth = depth
        declarationStarted = MonotonicClock.nanoseconds()
        declaration = Declaration(format: Self.formatName, direction: .import, position: context.position)
        reading = true
        head = HeadValues()
        readingItem = false
        path.removeAll(keepingCapacity: true)
    }

    private func beginItem() {
        readingItem = false
        if let next = nextItem() {
            item = next
            readingItem = true
        }
        itemValues = ItemValues()
    }

    private func finishItem() {
        guard readingItem else { return }
        var read = DeclarationItem(line: 0)
        swap(&read, &item)
        declaration.items.append(finished(read))
        readingItem = false
    }

    private func finishDeclaration() {
        reading = false
        if declaration.id.isEmpty {
            context.emit(
                DeclarationError(
                    code: .invalidField, position: declaration.position, messageID: context.messageID,
                    reason: "Declaration has no FunctionalReferenceID (the LRN, DE 2/5); fill it in"))
            return
        }
        declaration.messageID = context.messageID
        if !responsibleCountry.isEmpty {
            declaration.references.append(NamedReference(name: "ResponsibleCountryCode", value: responsibleCountry))
        }
        guard complete() else { return }
        context.emit(taking: &declaration, decodeMicroseconds: MonotonicClock.microseconds(since: declarationStarted))
    }
}
