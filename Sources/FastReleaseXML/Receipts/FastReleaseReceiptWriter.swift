import FastReleaseCore

/// Writes answers as FastRelease's own receipt document (`urn:fastrelease:receipt:1`): one
/// `<Receipt>` per decided declaration with its lane, reference and what the trader must do
/// (``TraderAnswer``), one `<Error>` per error record; for bodies whose messages are not all of
/// one family.
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
        let trader = entry.trader
        out += Array("  <Receipt".utf8)
        out.attribute("declaration", trader.declaration)
        out.attribute("declarant", trader.declarant)
        out.attribute("message", trader.message)
        if let format = entry.payload?.format { out.attribute("format", format) }
        out.attribute("lane", trader.lane.name)
        out.attribute("reference", trader.reference)
        out.attribute("replay", String(trader.replay))
        if let goods = trader.goods { out.attribute("goods", goods) }
        out += Array(">\n".utf8)
        for action in trader.actions {
            out += Array("    <Action>".utf8)
            out.append(xmlEscaped: action)
            out += Array("</Action>\n".utf8)
        }
        out += Array("  </Receipt>\n".utf8)
    }
}
