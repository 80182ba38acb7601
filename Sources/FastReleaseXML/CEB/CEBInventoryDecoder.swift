import FastReleaseCore

/// Decodes CEB621 import and CEB603 export inventories: each `Inventory` block is one
/// declaration.
///
/// The field map is in `../shared/formats/README.md` and `docs/formats.md`. The message
/// type decides the direction, and with it what `country` means: on import the head's
/// country is the country of dispatch and a line's country its origin; on export the head's
/// country is the country of arrival and a line's country its final destination.
final class CEBInventoryDecoder: FormatDecoder, DeclarationReading {
    /// The two inventory formats.
    static let formats: [MessageFormat] = [
        MessageFormat(
            name: FormatNames.ceb621, rootElement: "CEB621Message", namespace: CEBMessageKinds.namespace,
            direction: .import, receipts: .ceb622,
            makeDecoder: { CEBInventoryDecoder(format: "CEB621", direction: .import) }),
        MessageFormat(
            name: FormatNames.ceb603, rootElement: "CEB603Message", namespace: CEBMessageKinds.namespace,
            direction: .export, receipts: .ceb604,
            makeDecoder: { CEBInventoryDecoder(format: "CEB603", direction: .export) }),
    ]

    /// Why another CEB root is refused, or `nil` if it is not a CEB root.
    static func refusal(root: String, namespace: String?) -> String? {
        CEBMessageKinds.refusal(root: root, namespace: namespace)
    }

    let declarationElement = "Inventory"
    // `@exclusivity(unchecked)` below: one session's, one SAX event at a time
    // (docs/architecture.md, "No runtime access checks on the hot path").
    @exclusivity(unchecked) private(set) var declarationsStarted = 0

    let format: String
    let direction: Direction
    let codes = GACCCodeTables.shipped
    private(set) unowned(unsafe) var context: DecodeContext!
    private var cebNamespace = NamespaceMatcher("http://www.chinaport.gov.cn/ceb")
    private let names = InternedNames(lookup: CEBElement.named)

    /// The declaration being read (while `reading`) and head values that need the whole block.
    /// Kept non-optional so that field writes mutate in place instead of copying.
    @exclusivity(unchecked) var declaration = Declaration(
        format: "", direction: .import, position: SourcePosition(source: "", line: 0, column: 0))
    @exclusivity(unchecked) var reading = false
    @exclusivity(unchecked) var head = HeadValues()
    /// The goods line being read (while `readingItem`), and its bonded-book record number. Kept
    /// non-optional so that each field is set in place, neither copied nor moved.
    @exclusivity(unchecked) var item = DeclarationItem(line: 0)
    @exclusivity(unchecked) var readingItem = false
    @exclusivity(unchecked) var itemRecord = ""
    @exclusivity(unchecked) private var section = Section.none
    @exclusivity(unchecked) private var declarationStarted: UInt64 = 0

    private enum Section { case none, head, list }

    /// Head values kept until the block ends.
    struct HeadValues {
        var freight: Double?
        var insuredFee: Double?
        var ieFlag = ""
        var appType = ""
        /// The bonded account book (`emsNo`) that goods lines' `itemRecordNo` refer to.
        var accountBook = ""
    }

    init(format: String, direction: Direction) {
        self.format = format
        self.direction = direction
    }

    func begin(root: UnsafePointer<UInt8>, attributes: SAXAttributes, context: DecodeContext) {
        self.context = context
        names.use(dictionary: context.nameDictionary, generation: context.parserGeneration)
        declarationsStarted = 0
        reading = false
        readingItem = false
        section = .none
        cebNamespace.reset()
        if let guid = attributes.value("guid") { context.messageID = guid }
    }

    func startElement(
        _ name: UnsafePointer<UInt8>, namespace: UnsafePointer<UInt8>?, depth: Int, attributes: SAXAttributes
    ) {
        guard depth <= 3, cebNamespace.matches(namespace), let element = names.element(name) else { return }
        switch (depth, element) {
        case (2, .inventory):
            beginDeclaration()
        case (3, .inventoryHead) where reading:
            section = .head
        case (3, .inventoryList) where reading:
            section = .list
            if let next = nextItem() {
                item = next
                readingItem = true
            }
        default:
            break
        }
    }

    func endElement(
        _ name: UnsafePointer<UInt8>, namespace: UnsafePointer<UInt8>?, depth: Int, text: UnsafeRawBufferPointer
    ) {
        guard depth <= 4, cebNamespace.matches(namespace), let element = names.element(name) else { return }
        switch (depth, section, element) {
        case (4, .head, _):
            readHead(element, XMLBytes.trimmed(text))
        case (4, .list, _):
            readItem(element, XMLBytes.trimmed(text))
        case (3, .list, .inventoryList):
            // Swapped out of `item`, checked in place and moved into the declaration: not copied.
            if readingItem, reading {
                var checked = DeclarationItem(line: 0)
                swap(&checked, &item)
                check(&checked)
                if !head.accountBook.isEmpty, !itemRecord.isEmpty {
                    declaration.lots.append(
                        LotReference(
                            identifier: "\(head.accountBook)/\(itemRecord)", quantity: checked.quantity,
                            line: checked.line))
                }
                declaration.items.append(checked)
            }
            itemRecord = ""
            readingItem = false
            section = .none
        case (3, _, .inventoryHead):
            section = .none
        case (2, _, .inventory):
            finishDeclaration()
        default:
            break
        }
    }

    func abandon(_ error: DeclarationError) {
        var error = error
        if reading { error.declarationID = declaration.id }
        context.emit(error)
        reading = false
        readingItem = false
    }

    // MARK: Declarations

    private func beginDeclaration() {
        declarationsStarted += 1
        guard declarationsStarted <= context.limits.maxDeclarationsPerMessage else {
            context.stop(
                .limitExceeded,
                "message has more than \(context.limits.maxDeclarationsPerMessage) declarations; split it")
            return
        }
        declarationStarted = MonotonicClock.nanoseconds()
        declaration = Declaration(format: format, direction: direction, position: context.position)
        declaration.messageID = context.messageID
        // invtNo, preNo, statisticsFlag, orderNo, logisticsNo: one allocation, not one per growth.
        declaration.references.reserveCapacity(5)
        reading = true
        head = HeadValues()
        section = .none
    }

    private func finishDeclaration() {
        guard reading else { return }
        reading = false
        if declaration.id.isEmpty {
            context.emit(
                DeclarationError(
                    code: .invalidField, position: declaration.position, messageID: context.messageID,
                    reason: "Inventory has no copNo (the enterprise's inventory number) and no invtNo; fill in copNo"))
            return
        }
        if declaration.items.isEmpty {
            context.emit(
                DeclarationError(
                    code: .invalidField, position: declaration.position, messageID: context.messageID,
                    declarationID: declaration.id,
                    reason: "Inventory has no InventoryList goods lines; declare at least one"))
            return
        }
        complete()
        context.emit(taking: &declaration, decodeMicroseconds: MonotonicClock.microseconds(since: declarationStarted))
    }
}
