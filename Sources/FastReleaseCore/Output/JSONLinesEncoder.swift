/// Writes one JSON object per line: a decision, or `{"error": {...}}` for an error record.
///
/// ```json
/// {"declaration":"NBBH20160308005","lane":"release","score":0,"hits":[],...}
/// ```
/// The field list is in `docs/profiles.md` ("Decisions").
public struct JSONLinesEncoder: DecisionEncoder {
    /// Creates an encoder.
    public init() {}

    public var header: [UInt8] { [] }
    public var footer: [UInt8] { [] }

    public func encode(_ decision: Decision, into out: inout [UInt8]) {
        out.append(text: "{\"declaration\":")
        out.append(jsonString: decision.declarationID)
        out.append(text: ",\"declarant\":")
        out.append(jsonString: decision.declarant)
        out.append(text: ",\"message\":")
        out.append(jsonString: decision.messageID)
        out.append(text: ",\"format\":\"\(decision.format)\",\"direction\":\"\(decision.direction.rawValue)\"")
        out.append(
            text: ",\"function\":\"\(decision.function.rawValue)\",\"lane\":\"\(decision.lane.name)\",\"lane_source\":")
        out.append(jsonString: decision.laneSource.label)
        out.append(text: ",\"score\":\(decision.score),\"hits\":[")
        for (number, hit) in decision.hits.enumerated() {
            if number > 0 { out.append(UInt8(ascii: ",")) }
            out.append(text: "{\"rule\":")
            out.append(jsonString: hit.ruleID)
            out.append(text: ",\"weight\":\(hit.weight)")
            if let lane = hit.lane { out.append(text: ",\"lane\":\"\(lane.name)\"") }
            out.append(text: ",\"reason\":")
            out.append(jsonString: hit.reason)
            if !hit.itemLines.isEmpty {
                out.append(text: ",\"items\":[\(hit.itemLines.map(String.init).joined(separator: ","))]")
            }
            out.append(UInt8(ascii: "}"))
        }
        out.append(text: "],\"lab_tests\":[")
        for (number, test) in decision.labTests.enumerated() {
            if number > 0 { out.append(UInt8(ascii: ",")) }
            out.append(jsonString: test)
        }
        let sampling = decision.sampling
        out.append(text: "],\"sampling\":{\"class\":\"\(sampling.creditClass)\",\"rate\":")
        out.append(number: sampling.rate)
        out.append(text: ",\"draw\":\(sampling.draw),\"drawn\":\(sampling.drawn),\"period\":")
        out.append(jsonString: sampling.period)
        let enterprise = decision.enterprise
        out.append(text: "},\"enterprise\":{\"code\":")
        out.append(jsonString: enterprise.code)
        out.append(
            text:
                ",\"role\":\(enterprise.role.map { "\"\($0.rawValue)\"" } ?? "null"),\"class\":\(enterprise.creditClass)"
        )
        out.append(text: ",\"list\":\(enterprise.list.map { "\"\($0.rawValue)\"" } ?? "null"),\"zone\":")
        out.append(jsonString: enterprise.zone)
        out.append(text: ",\"registered\":\(enterprise.registered)}")
        if !decision.issues.isEmpty {
            out.append(text: ",\"issues\":[")
            for (number, issue) in decision.issues.enumerated() {
                if number > 0 { out.append(UInt8(ascii: ",")) }
                out.append(text: "{\"code\":")
                out.append(jsonString: issue.code)
                out.append(text: ",\"detail\":")
                out.append(jsonString: issue.detail)
                out.append(UInt8(ascii: "}"))
            }
            out.append(UInt8(ascii: "]"))
        }
        out.append(text: ",\"profile\":")
        out.append(jsonString: decision.profileVersion)
        out.append(text: ",\"as_of\":\"\(decision.asOf)\",\"timing\":{\"decode_us\":")
        out.append(tenths: decision.timing.decodeMicroseconds)
        out.append(text: ",\"score_us\":")
        out.append(tenths: decision.timing.scoreMicroseconds)
        out.append(text: "}}\n")
    }

    public func encode(_ error: DeclarationError, into out: inout [UInt8]) {
        out.append(text: "{\"error\":{\"code\":\"\(error.code.name)\",\"source\":")
        out.append(jsonString: error.position.source)
        out.append(text: ",\"line\":\(error.position.line),\"column\":\(error.position.column),\"message\":")
        out.append(jsonString: error.messageID)
        out.append(text: ",\"declaration\":")
        out.append(jsonString: error.declarationID)
        out.append(text: ",\"reason\":")
        out.append(jsonString: error.reason)
        out.append(text: "}}\n")
    }
}

extension Array where Element == UInt8 {
    /// Appends a JSON string literal, escaping quotes, backslashes and control characters.
    public mutating func append(jsonString text: String) {
        append(UInt8(ascii: "\""))
        var text = text
        text.withUTF8 { bytes in
            var runStart = 0
            for (offset, byte) in bytes.enumerated() where byte < 0x20 || byte == 0x22 || byte == 0x5C {
                append(contentsOf: bytes[runStart..<offset])
                switch byte {
                case 0x22: append(contentsOf: [0x5C, 0x22])
                case 0x5C: append(contentsOf: [0x5C, 0x5C])
                case 0x0A: append(contentsOf: [0x5C, UInt8(ascii: "n")])
                case 0x0D: append(contentsOf: [0x5C, UInt8(ascii: "r")])
                case 0x09: append(contentsOf: [0x5C, UInt8(ascii: "t")])
                default:
                    let hex = Array("0123456789abcdef".utf8)
                    append(contentsOf: Array("\\u00".utf8) + [hex[Int(byte >> 4)], hex[Int(byte & 15)]])
                }
                runStart = offset + 1
            }
            append(contentsOf: bytes[runStart...])
        }
        append(UInt8(ascii: "\""))
    }
}
