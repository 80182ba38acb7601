public import Foundation
import Yams

/// The service's OpenAPI document (`docs/openapi.yaml`), to check answers against in tests.
///
/// It finds the operation a request reached (its path matched against the documented
/// templates, a literal segment preferred to a `{parameter}`), requires the answer's status to
/// be documented for it with the answer's content type, and checks a JSON answer against the
/// schema, with the parts of JSON Schema 2020-12 the document uses: `type` (one or a list),
/// `enum`, `const`, `properties`, `required`, `additionalProperties`, `unevaluatedProperties`,
/// `items`, `minItems`, `maxItems`, `minLength`, `maxLength`, `minimum`, `maximum`,
/// `exclusiveMaximum`, `pattern`, `allOf`, `anyOf` and `$ref`. Anything else in the document is
/// refused when it loads, so that no part of it goes unchecked by mistake.
public final class OpenAPIContract: Sendable {
    /// The document in the repository.
    public static let repository: OpenAPIContract = {
        do {
            return try OpenAPIContract(yaml: String(contentsOf: Fixtures.openAPIDocument, encoding: .utf8))
        } catch {
            fatalError("docs/openapi.yaml cannot be read: \(error)")
        }
    }()

    /// One documented operation.
    public struct Operation: Sendable, Hashable {
        /// `GET`, `POST`, …
        public let method: String
        /// `/v1/decisions/{id}`.
        public let path: String
        /// The roles of `x-fastrelease-roles` (empty: public).
        public let roles: [String]
    }

    private let document: Document

    /// Reads a document.
    public init(yaml: String) throws {
        guard let root = try Yams.load(yaml: yaml) as? [String: Any] else { throw OracleError("not a YAML mapping") }
        document = Document(root: root)
        try document.checkKeywords()
    }

    /// Every documented operation.
    public var operations: [Operation] {
        document.paths.flatMap { path, item in
            item.compactMap { method, value -> Operation? in
                guard Self.methods.contains(method), let operation = value as? [String: Any] else { return nil }
                return Operation(
                    method: method.uppercased(), path: path,
                    roles: operation["x-fastrelease-roles"] as? [String] ?? [])
            }
        }.sorted { ($0.path, $0.method) < ($1.path, $1.method) }
    }

    /// The state files a laboratory may send (`x-fastrelease-laboratory-files` of `POST /v1/state/{file}`).
    public var laboratoryFiles: [String] {
        let item = document.paths["/v1/state/{file}"]?["post"] as? [String: Any]
        return item?["x-fastrelease-laboratory-files"] as? [String] ?? []
    }

    /// What is wrong with an answer, by the document (empty when it is as documented).
    ///
    /// - Parameters:
    ///   - method: the request's method.
    ///   - uri: the request's path and query.
    ///   - status: the answer's status code.
    ///   - contentType: the answer's `Content-Type`, if any.
    ///   - body: the answer's body.
    public func violations(method: String, uri: String, status: Int, contentType: String?, body: Data) -> [String] {
        let path = String(uri.prefix { $0 != "?" })
        guard let (template, item) = document.pathItem(serving: path) else {
            return status == 404 || status == 405 ? [] : ["\(path) is not in the document, yet answered \(status)"]
        }
        guard let operation = item[method.lowercased()] as? [String: Any] else {
            return status == 405 ? [] : ["\(method) \(template) is not in the document, yet answered \(status)"]
        }
        let where_ = "\(method) \(template) answered \(status)"
        let responses = operation["responses"] as? [String: Any] ?? [:]
        guard let documented = responses[String(status)] ?? responses["default"] else {
            return ["\(where_), which the document does not list (it lists \(responses.keys.sorted()))"]
        }
        let response = document.resolve(documented)
        guard let content = response["content"] as? [String: Any] else {
            return body.isEmpty ? [] : ["\(where_) with a body the document does not describe"]
        }
        let mediaType = (contentType ?? "").split(separator: ";").first.map {
            $0.trimmingCharacters(in: .whitespaces).lowercased()
        }
        guard let mediaType, let described = content[mediaType] as? [String: Any] else {
            return ["\(where_) as \(contentType ?? "no content type"), not one of \(content.keys.sorted())"]
        }
        guard mediaType.hasSuffix("json"), let schema = described["schema"] else { return [] }
        let value: Any
        do {
            if mediaType == "application/x-ndjson" {
                value = try body.split(separator: UInt8(ascii: "\n")).map {
                    try JSONSerialization.jsonObject(with: Data($0), options: .fragmentsAllowed)
                }
            } else {
                value = try JSONSerialization.jsonObject(with: body, options: .fragmentsAllowed)
            }
        } catch {
            return ["\(where_) with a body that is not JSON: \(error)"]
        }
        var problems: [String] = []
        _ = document.validate(value, against: schema, at: "body", problems: &problems)
        return problems.map { "\(where_): \($0)" }
    }

    private static let methods: Set<String> = ["get", "put", "post", "delete", "patch", "head", "options"]
}

/// The parsed document and the validator.
private struct Document: @unchecked Sendable {
    let root: [String: Any]
    var paths: [String: [String: Any]] { root["paths"] as? [String: [String: Any]] ?? [:] }

    /// The path item whose template serves `path`, literal segments preferred to parameters.
    func pathItem(serving path: String) -> (String, [String: Any])? {
        let segments = path.split(separator: "/", omittingEmptySubsequences: false)
        var best: (literals: [Bool], template: String, item: [String: Any])?
        for (template, item) in paths {
            let parts = template.split(separator: "/", omittingEmptySubsequences: false)
            guard parts.count == segments.count else { continue }
            var literals: [Bool] = []
            var matches = true
            for (part, segment) in zip(parts, segments) {
                let isParameter = part.hasPrefix("{")
                matches = matches && (isParameter ? !segment.isEmpty : part == segment)
                literals.append(!isParameter)
            }
            guard matches else { continue }
            if best == nil || best!.literals.lexicographicallyPrecedes(literals, by: { !$0 && $1 }) {
                best = (literals, template, item)
            }
        }
        return best.map { ($0.template, $0.item) }
    }

    /// A `$ref`'s target, or the value itself.
    func resolve(_ value: Any) -> [String: Any] {
        guard let object = value as? [String: Any] else { return [:] }
        guard let reference = object["$ref"] as? String else { return object }
        var target: Any = root
        for part in reference.dropFirst(2).split(separator: "/") {
            target = (target as? [String: Any])?[String(part)] ?? [:]
        }
        return resolve(target)
    }

    /// Validates `value`; returns the names of the object members the schema evaluated (for
    /// `unevaluatedProperties`), and appends what is wrong to `problems`.
    func validate(_ value: Any, against schemaValue: Any, at location: String, problems: inout [String]) -> Set<String>
    {
        let schema = resolve(schemaValue)
        let before = problems.count
        var evaluated: Set<String> = []
        for part in schema["allOf"] as? [Any] ?? [] {
            evaluated.formUnion(validate(value, against: part, at: location, problems: &problems))
        }
        if let choices = schema["anyOf"] as? [Any] {
            var messages: [String] = []
            var matched = false
            for choice in choices {
                var attempt: [String] = []
                let names = validate(value, against: choice, at: location, problems: &attempt)
                if attempt.isEmpty {
                    matched = true
                    evaluated.formUnion(names)
                } else {
                    messages.append(attempt.joined(separator: "; "))
                }
            }
            if !matched { problems.append("\(location) matches none of anyOf: " + messages.joined(separator: " | ")) }
        }
        checkType(value, schema, location, &problems)
        checkValue(value, schema, location, &problems)
        if let object = value as? [String: Any] {
            evaluated.formUnion(checkObject(object, schema, location, &problems))
            if schema["unevaluatedProperties"] as? Bool == false {
                for name in Set(object.keys).subtracting(evaluated).sorted() {
                    problems.append("\(location) has `\(name)`, which the document does not allow")
                }
            }
        }
        if let array = value as? [Any] {
            if let items = schema["items"] {
                for (index, item) in array.enumerated() {
                    _ = validate(item, against: items, at: "\(location)[\(index)]", problems: &problems)
                }
            }
            if let least = schema["minItems"] as? Int, array.count < least {
                problems.append("\(location) has \(array.count) items, fewer than \(least)")
            }
            if let most = schema["maxItems"] as? Int, array.count > most {
                problems.append("\(location) has \(array.count) items, more than \(most)")
            }
        }
        return problems.count == before ? evaluated : []
    }

    private func checkObject(
        _ object: [String: Any], _ schema: [String: Any], _ location: String, _ problems: inout [String]
    )
        -> Set<String>
    {
        var evaluated: Set<String> = []
        for name in schema["required"] as? [String] ?? [] where object[name] == nil {
            problems.append("\(location) lacks `\(name)`")
        }
        let properties = schema["properties"] as? [String: Any] ?? [:]
        for (name, member) in object {
            if let property = properties[name] {
                evaluated.insert(name)
                _ = validate(member, against: property, at: "\(location).\(name)", problems: &problems)
            } else if let additional = schema["additionalProperties"] {
                if additional as? Bool == false {
                    problems.append("\(location) has `\(name)`, which the document does not allow")
                } else if additional is [String: Any] {
                    evaluated.insert(name)
                    _ = validate(member, against: additional, at: "\(location).\(name)", problems: &problems)
                }
            }
        }
        return evaluated
    }

    private func checkType(_ value: Any, _ schema: [String: Any], _ location: String, _ problems: inout [String]) {
        guard let declared = schema["type"] else { return }
        let types = declared as? [String] ?? [declared as? String ?? ""]
        let actual = Self.typeName(value)
        let fits = types.contains { $0 == actual || ($0 == "number" && actual == "integer") }
        if !fits { problems.append("\(location) is \(actual), not \(types.joined(separator: " or "))") }
    }

    private func checkValue(_ value: Any, _ schema: [String: Any], _ location: String, _ problems: inout [String]) {
        if let choices = schema["enum"] as? [Any], !choices.contains(where: { Self.same($0, value) }) {
            problems.append("\(location) is \(value), not one of \(choices)")
        }
        if let constant = schema["const"], !Self.same(constant, value) {
            problems.append("\(location) is \(value), not \(constant)")
        }
        if let text = value as? String {
            let length = text.unicodeScalars.count
            if let least = schema["minLength"] as? Int, length < least {
                problems.append("\(location) is shorter than \(least)")
            }
            if let most = schema["maxLength"] as? Int, length > most {
                problems.append("\(location) is longer than \(most)")
            }
            if let pattern = schema["pattern"] as? String, text.range(of: pattern, options: .regularExpression) == nil {
                problems.append("\(location) `\(text)` does not match \(pattern)")
            }
        }
        if ["integer", "number"].contains(Self.typeName(value)), let number = Self.number(value) {
            if let least = Self.number(schema["minimum"]), number < least {
                problems.append("\(location) is \(number), below \(least)")
            }
            if let most = Self.number(schema["maximum"]), number > most {
                problems.append("\(location) is \(number), above \(most)")
            }
            if let bound = Self.number(schema["exclusiveMaximum"]), number >= bound {
                problems.append("\(location) is \(number), not below \(bound)")
            }
        }
    }

    /// The JSON type of a value JSONSerialization made (an integral number is an integer, as
    /// JSON Schema counts it).
    static func typeName(_ value: Any) -> String {
        switch value {
        case is NSNull: return "null"
        case is String: return "string"
        case is [Any]: return "array"
        case is [String: Any]: return "object"
        case let number as NSNumber:
            if String(cString: number.objCType) == "c" { return "boolean" }
            return number.doubleValue.rounded() == number.doubleValue ? "integer" : "number"
        default: return "unknown"
        }
    }

    /// A number of the document (Yams makes `Int` and `Double`) or of an answer.
    private static func number(_ value: Any?) -> Double? {
        switch value {
        case let integer as Int: Double(integer)
        case let double as Double: double
        case let number as NSNumber: number.doubleValue
        default: nil
        }
    }

    /// Whether an answer's value is the document's `enum` or `const` value.
    private static func same(_ expected: Any, _ value: Any) -> Bool {
        switch expected {
        case is NSNull: value is NSNull
        case let text as String: value as? String == text
        case let flag as Bool: typeName(value) == "boolean" && (value as? NSNumber)?.boolValue == flag
        default: typeName(value) != "boolean" && number(expected) != nil && number(expected) == number(value)
        }
    }

    /// Refuses a document that uses a schema keyword this validator does not check.
    func checkKeywords() throws {
        let known: Set<String> = [
            "type", "enum", "const", "properties", "required", "additionalProperties", "unevaluatedProperties",
            "items", "minItems", "maxItems", "minLength", "maxLength", "minimum", "maximum", "exclusiveMaximum",
            "pattern", "allOf", "anyOf", "$ref", "description", "examples", "format",
        ]
        var unknown: Set<String> = []
        func visit(schema: Any) {
            guard let schema = schema as? [String: Any] else { return }
            unknown.formUnion(Set(schema.keys).subtracting(known))
            for key in ["items", "additionalProperties"] { if let inner = schema[key] { visit(schema: inner) } }
            for inner in (schema["properties"] as? [String: Any] ?? [:]).values { visit(schema: inner) }
            for key in ["allOf", "anyOf"] { for inner in schema[key] as? [Any] ?? [] { visit(schema: inner) } }
        }
        let components = root["components"] as? [String: Any] ?? [:]
        for schema in (components["schemas"] as? [String: Any] ?? [:]).values { visit(schema: schema) }
        for item in paths.values {
            for operation in item.values.compactMap({ $0 as? [String: Any] }) {
                for response in (operation["responses"] as? [String: Any] ?? [:]).values {
                    for media in (resolve(response)["content"] as? [String: Any] ?? [:]).values {
                        visit(schema: (media as? [String: Any])?["schema"] ?? [:])
                    }
                }
            }
        }
        if !unknown.isEmpty { throw OracleError("docs/openapi.yaml uses unchecked keywords: \(unknown.sorted())") }
    }
}
