/// Writes one JSON object per line: a decision, or `{"error": {...}}` for an error record.
///
/// ```json
/// {"declaration":"NBBH20160308005","lane":"release","score":0,"hits":[],...}
/// ```
/// The field list is in `docs/profiles.md` ("Decisions"); ``DecisionPayload`` is the same
/// object, typed, and a test proves that what this encoder writes decodes to it.
public struct JSONLinesEncoder: DecisionEncoder {
    /// Creates an encoder.
    public init() {}

    public var header: [UInt8] { [] }
    public var footer: [UInt8] { [] }

    public func encode(_ decision: Decision, into out: inout [UInt8]) {
        appendObject(of: decision, into: &out)
        out.append(UInt8(ascii: "\n"))
    }

    /// Appends a decision's object, `{…}` with `extras` after its own members, without a line
    /// break: what the service stores (and, inside it, answers, see ``appendMembers(of:extras:into:)``).
    public func appendObject(of decision: Decision, extras: PayloadExtras = .none, into out: inout [UInt8]) {
        out.append(UInt8(ascii: "{"))
        appendMembers(of: decision, extras: extras, into: &out)
        out.append(UInt8(ascii: "}"))
    }

    /// Appends the members of a decision's object, without its braces, followed by `extras`.
    public func appendMembers(of decision: Decision, extras: PayloadExtras = .none, into out: inout [UInt8]) {
        out.append("\"declaration\":")
        out.append(jsonString: decision.declarationID)
        out.append(",\"declarant\":")
        out.append(jsonString: decision.declarant)
        out.append(",\"message\":")
        out.append(jsonString: decision.messageID)
        out.append(",\"format\":")
        out.append(jsonString: decision.format)
        out.append(",\"direction\":\"")
        out.append(text: decision.direction.rawValue)
        out.append("\",\"function\":\"")
        out.append(text: decision.function.rawValue)
        out.append("\",\"lane\":\"")
        out.append(text: decision.lane.name)
        out.append("\",\"lane_source\":")
        out.append(jsonString: decision.laneSource.label)
        out.append(",\"score\":")
        out.append(integer: decision.score)
        out.append(",\"hits\":[")
        for (number, hit) in decision.hits.enumerated() {
            if number > 0 { out.append(UInt8(ascii: ",")) }
            out.append("{\"rule\":")
            out.append(jsonString: hit.ruleID)
            out.append(",\"weight\":")
            out.append(integer: hit.weight)
            if let lane = hit.lane {
                out.append(",\"lane\":\"")
                out.append(text: lane.name)
                out.append(UInt8(ascii: "\""))
            }
            out.append(",\"reason\":")
            out.append(jsonString: hit.reason)
            if !hit.traderNotice.isEmpty {
                out.append(",\"notice\":")
                out.append(jsonString: hit.traderNotice)
            }
            if !hit.itemLines.isEmpty {
                out.append(",\"items\":[")
                for (index, line) in hit.itemLines.enumerated() {
                    if index > 0 { out.append(UInt8(ascii: ",")) }
                    out.append(integer: line)
                }
                out.append(UInt8(ascii: "]"))
            }
            if !hit.evidence.isEmpty { appendEvidence(of: hit, into: &out) }
            out.append(UInt8(ascii: "}"))
        }
        out.append("],\"lab_tests\":[")
        for (number, test) in decision.labTests.enumerated() {
            if number > 0 { out.append(UInt8(ascii: ",")) }
            out.append(jsonString: test)
        }
        out.append(UInt8(ascii: "]"))
        if !decision.writeOffs.isEmpty { appendWriteOffs(decision.writeOffs, into: &out) }
        let sampling = decision.sampling
        out.append(",\"sampling\":{\"class\":")
        out.append(jsonString: sampling.creditClass)
        out.append(",\"rate\":")
        out.append(number: sampling.rate)
        if let draw = sampling.draw {
            out.append(",\"draw\":")
            out.append(text: String(draw))
        }
        out.append(sampling.drawn ? ",\"drawn\":true,\"period\":" : ",\"drawn\":false,\"period\":")
        out.append(jsonString: sampling.period)
        out.append(",\"key\":")
        if let key = sampling.consignment { appendKey(key, into: &out) } else { out.append(jsonString: "") }
        out.append(UInt8(ascii: "}"))
        if let topUp = decision.topUp { appendTopUp(topUp, into: &out) }
        if let examiner = decision.examiner { appendExaminer(examiner, into: &out) }
        let enterprise = decision.enterprise
        out.append(",\"enterprise\":{\"code\":")
        out.append(jsonString: enterprise.code)
        out.append(",\"role\":")
        if let role = enterprise.role { out.append(jsonString: role.rawValue) } else { out.append("null") }
        out.append(",\"class\":")
        out.append(integer: enterprise.creditClass)
        out.append(",\"list\":")
        if let list = enterprise.list { out.append(jsonString: list.rawValue) } else { out.append("null") }
        out.append(",\"zone\":")
        out.append(jsonString: enterprise.zone)
        out.append(enterprise.registered ? ",\"registered\":true}" : ",\"registered\":false}")
        if !decision.issues.isEmpty {
            out.append(",\"issues\":[")
            for (number, issue) in decision.issues.enumerated() {
                if number > 0 { out.append(UInt8(ascii: ",")) }
                out.append("{\"code\":")
                out.append(jsonString: issue.code)
                out.append(",\"detail\":")
                out.append(jsonString: issue.detail)
                out.append(UInt8(ascii: "}"))
            }
            out.append(UInt8(ascii: "]"))
        }
        out.append(",\"profile\":")
        out.append(jsonString: decision.profileVersion)
        out.append(",\"as_of\":\"")
        decision.asOf.appendISO(to: &out)
        out.append("\",\"timing\":{\"decode_us\":")
        out.append(tenths: decision.timing.decodeMicroseconds)
        out.append(",\"score_us\":")
        out.append(tenths: decision.timing.scoreMicroseconds)
        out.append(UInt8(ascii: "}"))
        append(extras, into: &out)
    }

    private func appendEvidence(of hit: RuleHit, into out: inout [UInt8]) {
        if hit.waived { out.append(",\"waived\":true") }
        out.append(",\"evidence\":[")
        for (number, finding) in hit.evidence.enumerated() {
            if number > 0 { out.append(UInt8(ascii: ",")) }
            out.append("{\"kind\":\"")
            out.append(text: finding.kind.rawValue)
            out.append(finding.satisfied ? "\",\"satisfied\":true,\"subject\":" : "\",\"satisfied\":false,\"subject\":")
            out.append(jsonString: finding.subject)
            out.append(",\"detail\":")
            out.append(jsonString: finding.detail)
            if let writtenOff = finding.writtenOff {
                out.append(",\"written_off\":")
                out.append(number: writtenOff)
            }
            if let left = finding.left {
                out.append(",\"left\":")
                out.append(number: left)
            }
            if !finding.unit.isEmpty {
                out.append(",\"unit\":")
                out.append(jsonString: finding.unit)
            }
            if let testedOn = finding.testedOn {
                out.append(",\"tested_on\":")
                out.append(jsonString: testedOn)
            }
            out.append(UInt8(ascii: "}"))
        }
        out.append(UInt8(ascii: "]"))
    }

    private func appendWriteOffs(_ writeOffs: [LotWriteOff], into out: inout [UInt8]) {
        out.append(",\"write_offs\":[")
        for (number, writeOff) in writeOffs.enumerated() {
            if number > 0 { out.append(UInt8(ascii: ",")) }
            out.append("{\"lot\":")
            out.append(jsonString: writeOff.lot)
            out.append(",\"quantity\":")
            out.append(number: writeOff.quantity)
            out.append(",\"left\":")
            out.append(number: writeOff.left)
            out.append(",\"unit\":")
            out.append(jsonString: writeOff.unit)
            out.append(UInt8(ascii: "}"))
        }
        out.append(UInt8(ascii: "]"))
    }

    private func append(_ extras: PayloadExtras, into out: inout [UInt8]) {
        if let received = extras.receivedMilliseconds {
            out.append(",\"received_ms\":")
            out.append(integer: Int(received))
        }
        if let revision = extras.revision {
            out.append(",\"revision\":")
            out.append(jsonString: revision)
        }
        if let version = extras.version {
            out.append(",\"version\":")
            out.append(integer: version)
        }
        if let summary = extras.supersedes {
            out.append(",\"supersedes\":{\"revision\":")
            out.append(jsonString: summary.revision)
            out.append(",\"function\":\"")
            out.append(text: summary.function.rawValue)
            out.append("\",\"lane\":\"")
            out.append(text: summary.lane.name)
            out.append("\",\"decided_at\":")
            out.append(integer: Int(summary.decidedAt))
            out.append(UInt8(ascii: "}"))
        }
    }

    public func encode(_ error: DeclarationError, into out: inout [UInt8]) {
        appendObject(of: error, into: &out)
        out.append(UInt8(ascii: "\n"))
    }

    /// Appends an error record's object, `{"error":{…}}`, without a line break.
    public func appendObject(of error: DeclarationError, into out: inout [UInt8]) {
        out.append("{\"error\":")
        appendBody(of: error, into: &out)
        out.append(UInt8(ascii: "}"))
    }

    /// Appends the inner object of an error record, `{"code":…,"reason":…}`, as the service's
    /// JSON document lists it under `errors`.
    public func appendBody(of error: DeclarationError, into out: inout [UInt8]) {
        out.append("{\"code\":")
        out.append(jsonString: error.code.name)
        out.append(",\"source\":")
        out.append(jsonString: error.position.source)
        out.append(",\"line\":")
        out.append(integer: error.position.line)
        out.append(",\"column\":")
        out.append(integer: error.position.column)
        out.append(",\"message\":")
        out.append(jsonString: error.messageID)
        out.append(",\"declaration\":")
        out.append(jsonString: error.declarationID)
        out.append(",\"reason\":")
        out.append(jsonString: error.reason)
        out.append(UInt8(ascii: "}"))
    }

    /// A consignment key as a JSON string, written from its parts.
    private func appendKey(_ key: ConsignmentKey, into out: inout [UInt8]) {
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: key.byteCount) { buffer in
            let count = key.write(into: buffer, at: 0)
            out.append(jsonString: UnsafeBufferPointer(rebasing: buffer[0..<count]))
        }
    }

    private func appendTopUp(_ topUp: TopUpDraw, into out: inout [UInt8]) {
        out.append(",\"top_up\":{\"lane\":\"")
        out.append(text: topUp.lane.name)
        out.append("\",\"expected\":")
        out.append(number: topUp.expected)
        out.append(",\"actual\":")
        out.append(text: String(topUp.actual))
        out.append(",\"chance\":")
        out.append(text: String(topUp.chance))
        out.append(",\"draw\":")
        out.append(text: String(topUp.draw))
        out.append(UInt8(ascii: "}"))
    }

    private func appendExaminer(_ examiner: ExaminerAssignment, into out: inout [UInt8]) {
        out.append(",\"examiner\":{\"examiner\":")
        out.append(jsonString: examiner.examiner)
        out.append(",\"draw\":")
        out.append(text: String(examiner.draw))
        out.append(",\"eligible\":[")
        for (index, code) in examiner.eligible.enumerated() {
            if index > 0 { out.append(UInt8(ascii: ",")) }
            out.append(jsonString: code)
        }
        out.append("],\"day\":")
        out.append(jsonString: examiner.day)
        out.append(UInt8(ascii: "}"))
    }
}

extension Array where Element == UInt8 {
    /// Appends a JSON string literal, escaping quotes, backslashes and control characters.
    public mutating func append(jsonString text: String) {
        var text = text
        text.withUTF8 { append(jsonString: $0) }
    }

    /// Appends UTF-8 bytes as a JSON string literal, escaping as ``append(jsonString:)-(String)`` does;
    /// with `namingBackspaceAndFormFeed`, those two are written `\b` and `\f` (as `JSONEncoder`
    /// writes them) rather than `\u0008` and `\u000c`.
    public mutating func append(jsonString bytes: UnsafeBufferPointer<UInt8>, namingBackspaceAndFormFeed: Bool = false)
    {
        writeJSONString(bytes, namingBackspaceAndFormFeed: namingBackspaceAndFormFeed)
    }
}
