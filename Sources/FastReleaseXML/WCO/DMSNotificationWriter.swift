import FastReleaseCore
import Foundation

/// Writes answers as DMS notifications, the way UK CDS answers WCO declarations: one
/// `md:MetaData` (WCOTypeName `RES`) holding `Response` elements in the
/// `urn:wco:datamodel:WCO:RES-DMS:2` namespace.
///
/// Each decided declaration gets an acceptance (`FunctionCode` 01, DMSACC, with its MRN and
/// acceptance time), then either goods released (08, DMSROG) for the release lane or control
/// (05, DMSCTL) for every other lane, with the lane and what the trader must do in
/// `AdditionalInformation/StatementDescription` (goods held for tests that laboratory results
/// released get 08, with the results). A withdrawn declaration gets an acceptance
/// stating `CancellationDateTime`; a declaration that could not be decided a rejection (03)
/// with the reason in `Error/Description` and `RejectionDateTime`.
struct DMSNotificationWriter {
    private static let metadata = "urn:wco:datamodel:WCO:DocumentMetaData-DMS:2"
    private static let response = "urn:wco:datamodel:WCO:RES-DMS:2"
    private static let dataStrings = "urn:wco:datamodel:WCO:Response_DS:DMS:2"

    func document(_ answers: [Answer], now: Date) -> [UInt8] {
        var out = Array("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n".utf8)
        out += Array(
            "<md:MetaData xmlns:md=\"\(Self.metadata)\" xmlns=\"\(Self.response)\" xmlns:ds=\"\(Self.dataStrings)\">\n"
                .utf8)
        out += Array("  <md:WCODataModelVersionCode>3.6</md:WCODataModelVersionCode>\n".utf8)
        out += Array("  <md:WCOTypeName>RES</md:WCOTypeName>\n".utf8)
        out += Array("  <md:ResponsibleAgencyName>FastRelease</md:ResponsibleAgencyName>\n".utf8)
        let time = Self.dateTime(now)
        for answer in answers {
            switch answer {
            case .decision(let answered):
                notifications(ReceiptEntry(answered), time: time, into: &out)
            case .error(let error):
                rejection(error, time: time, into: &out)
            }
        }
        out += Array("</md:MetaData>\n".utf8)
        return out
    }

    private func notifications(_ entry: ReceiptEntry, time: String, into out: inout [UInt8]) {
        let stored = entry.stored
        let decided = Self.dateTime(Date(timeIntervalSince1970: Double(stored.decidedAt) / 1000))
        let version = String(entry.payload?.version ?? 1)
        let withdrawn = stored.isWithdrawal
        beginResponse("01", id: "\(stored.key)#01", time: time, into: &out)
        out += Array("    <Declaration>\n".utf8)
        dateTime(withdrawn ? "CancellationDateTime" : "AcceptanceDateTime", decided, indent: 6, into: &out)
        declarationIdentity(stored, version: version, into: &out)
        out += Array("    </Declaration>\n  </Response>\n".utf8)
        guard !withdrawn else { return }
        let released = entry.released
        beginResponse(released ? "08" : "05", id: "\(stored.key)#\(stored.lane)", time: time, into: &out)
        out += Array("    <AdditionalInformation>\n".utf8)
        element("StatementDescription", entry.summary(limit: 512), indent: 6, into: &out)
        out += Array("    </AdditionalInformation>\n".utf8)
        out += Array("    <Declaration>\n".utf8)
        declarationIdentity(stored, version: version, into: &out)
        out += Array("    </Declaration>\n  </Response>\n".utf8)
    }

    private func rejection(_ error: DeclarationError, time: String, into out: inout [UInt8]) {
        beginResponse("03", id: "\(error.messageID)/\(error.declarationID)#\(error.code)", time: time, into: &out)
        out += Array("    <Error>\n".utf8)
        let description = "\(error.code.name) at \(error.position): \(error.reason)"
        element("Description", String(description.prefix(512)), indent: 6, into: &out)
        out += Array("    </Error>\n    <Declaration>\n".utf8)
        if !error.declarationID.isEmpty {
            element("FunctionalReferenceID", String(error.declarationID.prefix(35)), indent: 6, into: &out)
        }
        dateTime("RejectionDateTime", time, indent: 6, into: &out)
        out += Array("    </Declaration>\n  </Response>\n".utf8)
    }

    private func beginResponse(_ code: String, id: String, time: String, into out: inout [UInt8]) {
        out += Array("  <Response>\n".utf8)
        element("FunctionCode", code, indent: 4, into: &out)
        element("FunctionalReferenceID", String(SHA256.hex(Array(id.utf8)).prefix(32)), indent: 4, into: &out)
        dateTime("IssueDateTime", time, indent: 4, into: &out)
    }

    private func declarationIdentity(_ stored: StoredDecision, version: String, into out: inout [UInt8]) {
        element("FunctionalReferenceID", String(stored.key.declarationID.prefix(35)), indent: 6, into: &out)
        if !stored.reference.isEmpty { element("ID", stored.reference, indent: 6, into: &out) }
        element("VersionID", version, indent: 6, into: &out)
    }

    private func dateTime(_ name: String, _ value: String, indent: Int, into out: inout [UInt8]) {
        let pad = String(repeating: " ", count: indent)
        out += Array(
            "\(pad)<\(name)>\n\(pad)  <ds:DateTimeString formatCode=\"304\">\(value)</ds:DateTimeString>\n\(pad)</\(name)>\n"
                .utf8)
    }

    private func element(_ name: String, _ value: String, indent: Int, into out: inout [UInt8]) {
        out += Array("\(String(repeating: " ", count: indent))<\(name)>".utf8)
        out.append(xmlEscaped: value)
        out += Array("</\(name)>\n".utf8)
    }

    /// `yyyyMMddHHmmssZ` (format 304, UTC).
    static func dateTime(_ date: Date) -> String {
        String(CivilTime(unixSeconds: Int64(date.timeIntervalSince1970), offsetSeconds: 0).value) + "Z"
    }
}
