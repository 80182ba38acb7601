import FastReleaseCore

/// What the format decoders share about the declaration being read: noting odd data, starting goods lines.
protocol DeclarationReading: AnyObject {
    var declaration: Declaration { get set }
    var context: DecodeContext! { get }
}

extension DeclarationReading {
    /// Notes a data issue, with the input line it was found on.
    func note(_ code: String, _ detail: String) {
        declaration.issues.append(DataIssue(code: code, detail: "\(detail) (line \(context.position.line))"))
    }

    /// A decimal number, or `nil` with an `invalid-number` issue naming the field.
    func number(_ text: UnsafeRawBufferPointer, field: String) -> Double? {
        guard let value = XMLBytes.decimal(text) else {
            note("invalid-number", "\(field) `\(XMLBytes.string(text))` is not a number")
            return nil
        }
        return value
    }

    /// A new goods line numbered after those read, or `nil` (and the parse stopped) when the
    /// declaration already has as many as `XMLLimits.maxItemsPerDeclaration` allows.
    func nextItem() -> DeclarationItem? {
        let limit = context.limits.maxItemsPerDeclaration
        guard declaration.items.count < limit else {
            context.stop(.limitExceeded, "declaration has more than \(limit) goods lines; split it")
            return nil
        }
        return DeclarationItem(line: declaration.items.count + 1)
    }
}
