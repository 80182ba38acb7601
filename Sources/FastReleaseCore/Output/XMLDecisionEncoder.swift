/// Writes decisions as one XML document, `<Decisions xmlns="urn:fastrelease:decision:1">`,
/// with one `<Decision>` or `<Error>` element per record.
///
/// ```xml
/// <Decision declaration="NBBH20160308005" lane="release" score="0" ...>
///   <Hit rule="ENT-BLACK" weight="50" lane="inspect-release">Black-listed enterprise</Hit>
/// </Decision>
/// ```
public struct XMLDecisionEncoder: DecisionEncoder {
    /// The namespace of the output document.
    public static let namespace = "urn:fastrelease:decision:1"

    /// Creates an encoder.
    public init() {}

    public var header: [UInt8] {
        Array("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Decisions xmlns=\"\(Self.namespace)\">\n".utf8)
    }

    public var footer: [UInt8] { Array("</Decisions>\n".utf8) }

    public func encode(_ decision: Decision, into out: inout [UInt8]) {
        out.append(text: "  <Decision")
        out.attribute("declaration", decision.declarationID)
        out.attribute("declarant", decision.declarant)
        out.attribute("message", decision.messageID)
        out.attribute("format", decision.format)
        out.attribute("direction", decision.direction.rawValue)
        out.attribute("function", decision.function.rawValue)
        out.attribute("lane", decision.lane.name)
        out.attribute("laneSource", decision.laneSource.label)
        out.attribute("score", String(decision.score))
        out.attribute("profile", decision.profileVersion)
        out.attribute("asOf", decision.asOf.description)
        out.append(text: ">\n")
        for hit in decision.hits {
            out.append(text: "    <Hit")
            out.attribute("rule", hit.ruleID)
            out.attribute("weight", String(hit.weight))
            if let lane = hit.lane { out.attribute("lane", lane.name) }
            if !hit.itemLines.isEmpty { out.attribute("items", hit.itemLines.map(String.init).joined(separator: " ")) }
            if hit.waived { out.attribute("waived", "true") }
            if !hit.traderNotice.isEmpty { out.attribute("notice", hit.traderNotice) }
            out.append(UInt8(ascii: ">"))
            out.append(xmlEscaped: hit.reason)
            out.append(text: "</Hit>\n")
            for finding in hit.evidence { appendEvidence(finding, of: hit, into: &out) }
        }
        for writeOff in decision.writeOffs {
            out.append(text: "    <WriteOff")
            out.attribute("lot", writeOff.lot)
            out.attribute("quantity", Quantity.text(writeOff.quantity))
            out.attribute("left", Quantity.text(writeOff.left))
            out.attribute("unit", writeOff.unit)
            out.append(text: "/>\n")
        }
        for test in decision.labTests {
            out.append(text: "    <LabTest>")
            out.append(xmlEscaped: test)
            out.append(text: "</LabTest>\n")
        }
        let sampling = decision.sampling
        out.append(text: "    <Sampling")
        out.attribute("class", sampling.creditClass)
        out.attribute("rate", String(sampling.rate))
        if let draw = sampling.draw { out.attribute("draw", String(draw)) }
        out.attribute("drawn", String(sampling.drawn))
        out.attribute("period", sampling.period)
        out.attribute("key", sampling.key)
        out.append(text: "/>\n")
        if let topUp = decision.topUp {
            out.append(text: "    <TopUp")
            out.attribute("lane", topUp.lane.name)
            out.attribute("expected", String(topUp.expected))
            out.attribute("actual", String(topUp.actual))
            out.attribute("chance", String(topUp.chance))
            out.attribute("draw", String(topUp.draw))
            out.append(text: "/>\n")
        }
        if let examiner = decision.examiner {
            out.append(text: "    <Examiner")
            out.attribute("code", examiner.examiner)
            out.attribute("draw", String(examiner.draw))
            out.attribute("eligible", examiner.eligible.joined(separator: " "))
            out.attribute("day", examiner.day)
            out.append(text: "/>\n")
        }
        out.append(text: "    <Enterprise")
        out.attribute("code", decision.enterprise.code)
        out.attribute("class", String(decision.enterprise.creditClass))
        if let list = decision.enterprise.list { out.attribute("list", list.rawValue) }
        out.attribute("registered", String(decision.enterprise.registered))
        out.append(text: "/>\n")
        for issue in decision.issues {
            out.append(text: "    <Issue")
            out.attribute("code", issue.code)
            out.append(UInt8(ascii: ">"))
            out.append(xmlEscaped: issue.detail)
            out.append(text: "</Issue>\n")
        }
        out.append(text: "    <Timing decodeMicroseconds=\"")
        out.append(tenths: decision.timing.decodeMicroseconds)
        out.append(text: "\" scoreMicroseconds=\"")
        out.append(tenths: decision.timing.scoreMicroseconds)
        out.append(text: "\"/>\n  </Decision>\n")
    }

    public func encode(_ error: DeclarationError, into out: inout [UInt8]) {
        out.append(text: "  <Error")
        out.attribute("code", error.code.name)
        out.attribute("source", error.position.source)
        out.attribute("line", String(error.position.line))
        out.attribute("column", String(error.position.column))
        out.attribute("message", error.messageID)
        out.attribute("declaration", error.declarationID)
        out.append(UInt8(ascii: ">"))
        out.append(xmlEscaped: error.reason)
        out.append(text: "</Error>\n")
    }

    private func appendEvidence(_ finding: EvidenceFinding, of hit: RuleHit, into out: inout [UInt8]) {
        out.append(text: "    <Evidence")
        out.attribute("rule", hit.ruleID)
        out.attribute("kind", finding.kind.rawValue)
        out.attribute("satisfied", String(finding.satisfied))
        if !finding.subject.isEmpty { out.attribute("subject", finding.subject) }
        if let writtenOff = finding.writtenOff { out.attribute("writtenOff", Quantity.text(writtenOff)) }
        if let left = finding.left { out.attribute("left", Quantity.text(left)) }
        if !finding.unit.isEmpty { out.attribute("unit", finding.unit) }
        if let testedOn = finding.testedOn { out.attribute("testedOn", testedOn) }
        out.append(UInt8(ascii: ">"))
        out.append(xmlEscaped: finding.detail)
        out.append(text: "</Evidence>\n")
    }
}

extension Array where Element == UInt8 {
    /// Appends ` name="value"` with the value escaped.
    public mutating func attribute(_ name: String, _ value: String) {
        append(text: " \(name)=\"")
        append(xmlEscaped: value)
        append(UInt8(ascii: "\""))
    }

    /// Appends text with `& < > " '` escaped and other control characters dropped.
    public mutating func append(xmlEscaped text: String) {
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "&"): append(text: "&amp;")
            case UInt8(ascii: "<"): append(text: "&lt;")
            case UInt8(ascii: ">"): append(text: "&gt;")
            case UInt8(ascii: "\""): append(text: "&quot;")
            case UInt8(ascii: "'"): append(text: "&apos;")
            case 0x09, 0x0A, 0x0D: append(byte)
            case ..<0x20: continue
            default: append(byte)
            }
        }
    }
}
