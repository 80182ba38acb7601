import FastReleaseCore
import FastReleaseStore
import FastReleaseXML

/// Turns decisions into the rows the decision log keeps.
enum StoredRecord {
    private static let encoder = JSONLinesEncoder()

    /// The row for a decision.
    ///
    /// - Parameters:
    ///   - decision: the decision; its ``Decision/declaration`` is kept as a snapshot.
    ///   - decidedAt: milliseconds since 1970.
    ///   - revision: empty for an original, the change's revision id otherwise.
    ///   - declarant, declarationID: the identity of the declaration changed (for a change,
    ///     the original's, which an amendment that carries only changes may not repeat).
    ///   - reference: the customs reference to keep; a new WCO declaration gets a fresh MRN.
    ///   - extraFields: JSON members (`,"name":value…`) added to the payload.
    static func decision(
        _ decision: Decision, decidedAt: Int64, revision: String = "", declarant: String? = nil,
        declarationID: String? = nil, reference: String? = nil, extraFields: [UInt8] = []
    ) -> StoredDecision {
        var payload: [UInt8] = []
        encoder.encode(decision, into: &payload)
        payload.removeLast()  // the line break
        if !extraFields.isEmpty {
            payload.removeLast()  // the closing brace
            payload += extraFields
            payload.append(UInt8(ascii: "}"))
        }
        let key = DecisionKey(
            declarant: declarant ?? decision.declarant, declarationID: declarationID ?? decision.declarationID,
            revision: revision)
        return StoredDecision(
            key: key, messageID: decision.messageID, lane: decision.lane.name, profileVersion: decision.profileVersion,
            decidedAt: decidedAt, payload: String(decoding: payload, as: UTF8.self),
            function: decision.function.rawValue,
            reference: reference ?? movementReference(for: decision, key: key, decidedAt: decidedAt),
            declaration: decision.declaration.flatMap { try? DeclarationSnapshot.encode($0) } ?? "")
    }

    /// The MRN a new WCO declaration gets; other formats have none.
    private static func movementReference(for decision: Decision, key: DecisionKey, decidedAt: Int64) -> String {
        guard decision.format == FormatNames.wcoDeclaration else { return "" }
        let year = CivilTime(unixSeconds: decidedAt / 1000, offsetSeconds: 0).value / 10_000_000_000
        return MovementReference.make(
            declarant: key.declarant, localReference: key.declarationID,
            country: decision.declaration?.reference("ResponsibleCountryCode") ?? "XX", year: Int(year))
    }
}
