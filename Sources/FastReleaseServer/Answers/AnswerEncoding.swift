import FastReleaseCore
import FastReleaseStore
import Foundation

/// The shapes answers are written in: newline-delimited JSON, one JSON document, or XML.
enum AnswerEncoding {
    /// One answer as one JSON line. Decisions are the stored decision with `"replay"` first;
    /// error records are `{"error": {…}}`.
    static func line(_ answer: Answer, into out: inout [UInt8]) {
        switch answer {
        case .decision(let decision, let replay):
            out.append(contentsOf: replay ? Array("{\"replay\":true,".utf8) : Array("{\"replay\":false,".utf8))
            var payload = decision.payload
            payload.withUTF8 { out.append(contentsOf: $0.dropFirst()) }
            out.append(UInt8(ascii: "\n"))
        case .error(let error):
            JSONLinesEncoder().encode(error, into: &out)
        }
    }

    /// All answers as `{"decisions": [...], "errors": [...]}`.
    static func document(_ answers: [Answer]) -> [UInt8] {
        var decisions: [[UInt8]] = []
        var errors: [[UInt8]] = []
        for answer in answers {
            var line: [UInt8] = []
            Self.line(answer, into: &line)
            line.removeLast()
            if case .error = answer {
                errors.append(Array(line.dropFirst("{\"error\":".utf8.count).dropLast()))
            } else {
                decisions.append(line)
            }
        }
        func list(_ items: [[UInt8]]) -> [UInt8] {
            Array(items.joined(separator: Array(",\n  ".utf8)))
        }
        return Array("{\"decisions\":[\n  ".utf8) + list(decisions) + Array("\n],\"errors\":[\n  ".utf8) + list(errors)
            + Array("\n]}\n".utf8)
    }

    /// All answers as one XML receipt document in the gateway's language.
    static func xml(_ answers: [Answer], language: ReceiptLanguage) -> [UInt8] {
        switch language {
        case .ceb622: CEBReceiptWriter(export: false).document(answers)
        case .ceb604: CEBReceiptWriter(export: true).document(answers)
        case .dmsNotification: DMSNotificationWriter().document(answers)
        case .fastRelease: xml(answers)
        }
    }

    /// All answers as an XML receipt document (`urn:fastrelease:receipt:1`).
    static func xml(_ answers: [Answer]) -> [UInt8] {
        var out = Array(
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Receipts xmlns=\"urn:fastrelease:receipt:1\">\n".utf8)
        for answer in answers {
            switch answer {
            case .decision(let decision, let replay):
                ReceiptXML.append(decision, replay: replay, into: &out)
            case .error(let error):
                var encoded: [UInt8] = []
                XMLDecisionEncoder().encode(error, into: &encoded)
                out += encoded
            }
        }
        out += Array("</Receipts>\n".utf8)
        return out
    }
}

/// Writes one stored decision as a `<Receipt>` element, read back from its JSON payload.
enum ReceiptXML {
    static func append(_ decision: StoredDecision, replay: Bool, into out: inout [UInt8]) {
        let object = decision.payload.jsonObject
        func attribute(_ name: String, _ value: Any?) {
            if let value { out.attribute(name, "\(value)") }
        }
        out += Array("  <Receipt".utf8)
        attribute("declaration", decision.key.declarationID)
        attribute("declarant", decision.key.declarant)
        attribute("message", decision.messageID)
        attribute("format", object["format"])
        attribute("lane", decision.lane)
        attribute("score", object["score"])
        attribute("replay", replay)
        attribute("profile", decision.profileVersion)
        out += Array(">\n".utf8)
        for hit in object["hits"] as? [[String: Any]] ?? [] {
            out += Array("    <Hit".utf8)
            attribute("rule", hit["rule"])
            attribute("weight", hit["weight"])
            attribute("lane", hit["lane"])
            out.append(UInt8(ascii: ">"))
            out.append(xmlEscaped: hit["reason"] as? String ?? "")
            out += Array("</Hit>\n".utf8)
        }
        for test in object["lab_tests"] as? [String] ?? [] {
            out += Array("    <LabTest>".utf8)
            out.append(xmlEscaped: test)
            out += Array("</LabTest>\n".utf8)
        }
        out += Array("  </Receipt>\n".utf8)
    }
}

extension String {
    /// The JSON object this text holds, or an empty one.
    var jsonObject: [String: Any] {
        (try? JSONSerialization.jsonObject(with: Data(utf8))) as? [String: Any] ?? [:]
    }
}
