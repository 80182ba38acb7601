internal import CLibXML2
public import Foundation

/// Validates documents against an XML schema, the way `xmllint --schema` does.
///
/// `@unchecked Sendable`: the parsed schema is only read after `init`, and each validation
/// makes its own validation context, as libxml2 allows.
public final class SchemaValidator: @unchecked Sendable {
    private let schema: xmlSchemaPtr

    /// Loads a schema file (and what it imports).
    public init(schema path: URL) throws {
        guard let parser = xmlSchemaNewParserCtxt(path.path) else { throw OracleError("cannot read \(path.path)") }
        defer { xmlSchemaFreeParserCtxt(parser) }
        guard let schema = xmlSchemaParse(parser) else { throw OracleError("\(path.path) is not a valid schema") }
        self.schema = schema
    }

    deinit { xmlSchemaFree(schema) }

    /// The validation errors of a document (empty when it is valid).
    public func errors(_ bytes: [UInt8]) -> [String] {
        guard
            let document = bytes.withUnsafeBufferPointer({ buffer in
                buffer.withMemoryRebound(to: CChar.self) {
                    xmlReadMemory($0.baseAddress, Int32($0.count), "document.xml", nil, Int32(XML_PARSE_NONET.rawValue))
                }
            })
        else { return ["the document is not well-formed"] }
        defer { xmlFreeDoc(document) }
        let validation = xmlSchemaNewValidCtxt(schema)
        defer { xmlSchemaFreeValidCtxt(validation) }
        let collector = ErrorCollector()
        xmlSchemaSetValidStructuredErrors(
            validation,
            { context, error in
                guard let context, let error, let message = error.pointee.message else { return }
                let collector = Unmanaged<ErrorCollector>.fromOpaque(context).takeUnretainedValue()
                collector.messages.append(
                    "line \(error.pointee.line): \(String(cString: message).trimmingCharacters(in: .whitespacesAndNewlines))"
                )
            }, Unmanaged.passUnretained(collector).toOpaque())
        let result = xmlSchemaValidateDoc(validation, document)
        if result != 0, collector.messages.isEmpty { collector.messages.append("invalid (code \(result))") }
        return collector.messages
    }

    private final class ErrorCollector {
        var messages: [String] = []
    }
}
