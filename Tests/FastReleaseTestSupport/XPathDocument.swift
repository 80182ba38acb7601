internal import CLibXML2
import Foundation

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
