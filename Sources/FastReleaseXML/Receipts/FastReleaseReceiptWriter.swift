import FastReleaseCore

/// Writes answers as FastRelease's own receipt document (`urn:fastrelease:receipt:1`): one
/// `<Receipt>` per decided declaration with its hits and lab tests, one `<Error>` per error
/// record; for bodies whose messages are not all of one family.
struct FastReleaseReceiptWriter {
    func document(_ answers: [Answer]) -> [UInt8] {
        var out = Array(
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Receipts xmlns=\"urn:fastrelease:receipt:1\">\n".utf8)
        for answer in answers {
            switch answer {
            case .decision(let answered):
                receipt(ReceiptEntry(answered), into: &out)
            case .error(let error):
                XMLDecisionEncoder().encode(error, into: &out)
            }
        }
        out += Array("</Receipts>\n".utf8)
        return out
    }

    private func receipt(_ entry: ReceiptEntry, into out: inout [UInt8]) {
        let stored = entry.stored
        let payload = entry.payload
        out += Array("  <Receipt".utf8)
        out.attribute("declaration", stored.key.declarationID)
        out.attribute("declarant", stored.key.declarant)
        out.attribute("message", stored.messageID)
        if let format = payload?.format { out.attribute("format", format) }
        out.attribute("lane", stored.lane.name)
        if let score = payload?.score { out.attribute("score", String(score)) }
        out.attribute("replay", String(entry.replay))
        if let verdict = entry.verdict { out.attribute("goods", verdict.status) }
        out.attribute("profile", stored.profileVersion)
        out += Array(">\n".utf8)
        for hit in payload?.hits ?? [] {
            out += Array("    <Hit".utf8)
            out.attribute("rule", hit.rule)
            out.attribute("weight", String(hit.weight))
            if let lane = hit.lane { out.attribute("lane", lane.name) }
            out.append(UInt8(ascii: ">"))
            out.append(xmlEscaped: hit.reason)
            out += Array("</Hit>\n".utf8)
        }
        for test in payload?.labTests ?? [] {
            out += Array("    <LabTest>".utf8)
            out.append(xmlEscaped: test)
            out += Array("</LabTest>\n".utf8)
        }
        out += Array("  </Receipt>\n".utf8)
    }
}
