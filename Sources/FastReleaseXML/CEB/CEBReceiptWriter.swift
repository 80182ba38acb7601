import FastReleaseCore
import Foundation

/// Writes answers as a CEB622 (import) or CEB604 (export) inventory receipt: one
/// `InventoryReturn` per declaration, in the element order of the GACC 2022-05 schema.
///
/// `returnStatus` follows the schema's list: `800` released (放行) for the release lane, `300`
/// manual review (人工审核) for document review, `500` inspection (查验) for the sampling,
/// inspection and hold lanes, `100` returned (退单) for a withdrawn declaration, and `-1` (a
/// negative number: a check of the message failed) for a declaration that could not be
/// decided. `returnInfo` gives the lane and what the trader must do (never the rules or their
/// reasons: ``TraderAnswer``). Goods held for tests that laboratory
/// results released are `800` with the results in `returnInfo`; nonconforming ones stay `500`.
/// Times are China local time.
struct CEBReceiptWriter {
    let export: Bool

    func document(_ answers: [Answer], now: Date) -> [UInt8] {
        let root = export ? "CEB604Message" : "CEB622Message"
        var out = Array("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n".utf8)
        out += Array(
            "<ceb:\(root) guid=\"\(UUID().uuidString)\" version=\"1.0\" xmlns:ceb=\"http://www.chinaport.gov.cn/ceb\">\n"
                .utf8)
        let time = Self.returnTime(now)
        for answer in answers {
            switch answer {
            case .decision(let answered):
                inventoryReturn(ReceiptEntry(answered), time: time, into: &out)
            case .error(let error):
                rejection(error, time: time, into: &out)
            }
        }
        out += Array("</ceb:\(root)>\n".utf8)
        return out
    }

    private func inventoryReturn(_ entry: ReceiptEntry, time: String, into out: inout [UInt8]) {
        let stored = entry.stored
        let declaration = entry.declaration
        let copNo = stored.key.declarationID
        let customs = declaration?.office ?? ""
        let preNo = declaration?.reference("preNo") ?? Self.number("B", stored, length: 18)
        let status: String
        switch stored.lane {
        case _ where entry.released: status = "800"
        case .decided(.document): status = "300"
        case .withdrawn: status = "100"
        case .decided: status = "500"
        }
        out += Array("  <ceb:InventoryReturn>\n".utf8)
        element("guid", Self.guid(for: stored), into: &out)
        if !export {
            if customs.utf8.count == 4 { element("customsCode", customs, into: &out) }
            optional("ebpCode", declaration?.parties[.platform]?.code, into: &out)
            optional("ebcCode", declaration?.parties[.seller]?.code, into: &out)
            optional("agentCode", stored.key.declarant, into: &out)
            element("copNo", copNo, into: &out)
            element("preNo", preNo, into: &out)
            optional("invtNo", declaration?.reference("invtNo"), into: &out)
        } else {
            let year = String(time.prefix(4))
            let office = customs.utf8.count == 4 ? customs : "0000"
            element("agentCode", stored.key.declarant, into: &out)
            element("copNo", copNo, into: &out)
            element("preNo", preNo, into: &out)
            element(
                "invtNo", declaration?.reference("invtNo") ?? Self.number(office + year + "E", stored, length: 18),
                into: &out)
            element("ebcCode", declaration?.parties[.seller]?.code ?? "", into: &out)
            element("ebpCode", declaration?.parties[.platform]?.code ?? "", into: &out)
            element("orderNo", declaration?.reference("orderNo") ?? "", into: &out)
            element("statisticsFlag", declaration?.reference("statisticsFlag") ?? "A", into: &out)
        }
        element("returnStatus", status, into: &out)
        element("returnTime", time, into: &out)
        element("returnInfo", entry.summary(limit: 1000), into: &out)
        out += Array("  </ceb:InventoryReturn>\n".utf8)
    }

    private func rejection(_ error: DeclarationError, time: String, into out: inout [UInt8]) {
        out += Array("  <ceb:InventoryReturn>\n".utf8)
        element("guid", UUID().uuidString, into: &out)
        if export { element("agentCode", "", into: &out) }
        element("copNo", error.declarationID, into: &out)
        element("preNo", "", into: &out)
        if export {
            for name in ["invtNo", "ebcCode", "ebpCode", "orderNo"] { element(name, "", into: &out) }
            element("statisticsFlag", "A", into: &out)
        }
        element("returnStatus", "-1", into: &out)
        element("returnTime", time, into: &out)
        element(
            "returnInfo", String("\(error.code.name) at \(error.position): \(error.reason)".prefix(1000)), into: &out)
        out += Array("  </ceb:InventoryReturn>\n".utf8)
    }

    private func element(_ name: String, _ value: String, into out: inout [UInt8]) {
        out += Array("    <ceb:\(name)>".utf8)
        out.append(xmlEscaped: value)
        out += Array("</ceb:\(name)>\n".utf8)
    }

    private func optional(_ name: String, _ value: String?, into out: inout [UInt8]) {
        guard let value, !value.isEmpty else { return }
        element(name, value, into: &out)
    }

    /// `yyyyMMddHHmmssSSS` in China local time (UTC+8).
    static func returnTime(_ date: Date) -> String {
        let milliseconds = Int64((date.timeIntervalSince1970 * 1000).rounded(.down))
        let civil = CivilTime(unixSeconds: milliseconds / 1000, offsetSeconds: 8 * 3600)
        let fraction = milliseconds % 1000
        return String(civil.value) + (fraction < 10 ? "00" : fraction < 100 ? "0" : "") + String(fraction)
    }

    /// A 36-character upper-case identifier (UUID layout) derived from a decision's key.
    static func guid(for stored: StoredDecision) -> String {
        let hex = SHA256.hex(Array("\(stored.key)".utf8)).uppercased()
        let characters = Array(hex.prefix(32))
        return [0..<8, 8..<12, 12..<16, 16..<20, 20..<32].map { String(characters[$0]) }.joined(separator: "-")
    }

    /// `prefix` and digits derived from a decision's key, `length` characters in all.
    static func number(_ prefix: String, _ stored: StoredDecision, length: Int) -> String {
        let digest = SHA256.digest(Array("\(stored.key)".utf8))
        let digits = digest.map { String($0 % 10) }.joined()
        return prefix + String(digits.prefix(max(0, length - prefix.count)))
    }
}
