internal import CLibXML2
public import Foundation

/// A parsed XML document that tests query with XPath: an implementation of a field map that
/// is independent of FastRelease's streaming decoders, to check them against.
public final class XPathDocument {
    private let document: xmlDocPtr
    private let context: xmlXPathContextPtr

    /// Parses a document (no network, no entities); `namespaces` maps prefixes for queries.
    public init(_ bytes: [UInt8], namespaces: [String: String]) throws {
        guard
            let document = bytes.withUnsafeBufferPointer({ buffer in
                buffer.withMemoryRebound(to: CChar.self) {
                    xmlReadMemory($0.baseAddress, Int32($0.count), "oracle.xml", nil, Int32(XML_PARSE_NONET.rawValue))
                }
            })
        else { throw OracleError("the document is not well-formed") }
        self.document = document
        context = xmlXPathNewContext(document)
        for (prefix, uri) in namespaces { xmlXPathRegisterNs(context, prefix, uri) }
    }

    deinit {
        xmlXPathFreeContext(context)
        xmlFreeDoc(document)
    }

    /// The string value of an expression (`string(…)` is applied).
    public func string(_ expression: String) -> String {
        guard let result = xmlXPathEvalExpression("string(\(expression))", context) else { return "" }
        defer { xmlXPathFreeObject(result) }
        return result.pointee.stringval.map { String(cString: $0) } ?? ""
    }

    /// The number value of an expression (`number(…)` is applied); `nil` when it is NaN.
    public func number(_ expression: String) -> Double? {
        guard let result = xmlXPathEvalExpression("number(\(expression))", context) else { return nil }
        defer { xmlXPathFreeObject(result) }
        return result.pointee.floatval.isNaN ? nil : result.pointee.floatval
    }

    /// How many nodes an expression selects.
    public func count(_ expression: String) -> Int {
        Int(number("count(\(expression))") ?? 0)
    }
}

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

/// A failure of the test oracle itself.
public struct OracleError: Error, CustomStringConvertible {
    public let description: String
    public init(_ description: String) { self.description = description }
}
