import FastReleaseCore
import FastReleaseStore
import FastReleaseXML

/// The receipt shape a gateway understands, chosen from the messages it sent.
///
/// CEB621 import inventories are answered with a CEB622 receipt, CEB603 export inventories
/// with a CEB604 receipt, WCO declarations with DMS notifications (`md:MetaData` holding
/// `Response` elements). A body that mixes families, or holds nothing FastRelease recognises,
/// is answered in FastRelease's own receipt shape (`urn:fastrelease:receipt:1`).
enum ReceiptLanguage: Equatable {
    case ceb622, ceb604, dmsNotification, fastRelease

    init(frames: [MessageFrame]) {
        let languages = Set(frames.map { Self.language(root: $0.rootElementName) })
        self = languages.count == 1 ? languages.first! : .fastRelease
    }

    private static func language(root: String?) -> ReceiptLanguage {
        switch root {
        case "CEB621Message": .ceb622
        case "CEB603Message": .ceb604
        case "MetaData", "Declaration": .dmsNotification
        default: .fastRelease
        }
    }
}

/// What a receipt writer needs to know about one decided declaration.
struct ReceiptEntry {
    let stored: StoredDecision
    let replay: Bool
    /// The decision's JSON payload.
    let payload: [String: Any]
    /// The declaration decided, when the log kept it.
    let declaration: Declaration?

    init(_ stored: StoredDecision, replay: Bool) {
        self.stored = stored
        self.replay = replay
        payload = stored.payload.jsonObject
        declaration = stored.declaration.isEmpty ? nil : try? DeclarationSnapshot.decode(stored.declaration)
    }

    /// The reasons of the rules that fired, `rule: reason`.
    var reasons: [String] {
        (payload["hits"] as? [[String: Any]] ?? []).map { hit in
            "\(hit["rule"] as? String ?? ""): \(hit["reason"] as? String ?? "")"
        }
    }

    /// The lane and why, in one line of at most `limit` characters.
    func summary(limit: Int) -> String {
        let reasons = self.reasons
        let text = reasons.isEmpty ? stored.lane : "\(stored.lane): " + reasons.joined(separator: "; ")
        return text.count <= limit ? text : String(text.prefix(limit - 1)) + "…"
    }
}
