import FastReleaseCore
import FastReleaseXML

/// Turns decisions and withdrawals into the rows the decision log keeps.
enum DecisionRecords {
    private static let encoder = JSONLinesEncoder()

    /// The row for a scored decision.
    ///
    /// - Parameters:
    ///   - decision: the decision; its ``Decision/declaration`` is kept as a snapshot.
    ///   - decidedAt: milliseconds since 1970.
    ///   - extras: the service's payload members (receipt time, an amendment's revision).
    ///   - key: the identity to record under; by default the decision's own, as an original.
    ///     A change is recorded under the original's declarant and id with its own revision.
    ///   - reference: the customs reference to keep; a new WCO declaration gets a fresh MRN.
    ///   - givingBack: what the revision this one replaces had written off (an amendment's).
    static func scored(
        _ decision: Decision, decidedAt: Int64, extras: PayloadExtras, key: DecisionKey? = nil,
        reference: String? = nil, givingBack: [LotWriteOff] = []
    ) -> PendingRecord {
        var payload: [UInt8] = []
        payload.reserveCapacity(2048)  // most payloads are 1-2 KB: written without growing
        encoder.appendObject(of: decision, extras: extras, into: &payload)
        let key = key ?? DecisionKey(declarant: decision.declarant, declarationID: decision.declarationID)
        let stored = StoredDecision(
            key: key, messageID: decision.messageID, lane: .decided(decision.lane),
            profileVersion: decision.profileVersion, decidedAt: decidedAt,
            payload: String(decoding: payload, as: UTF8.self), function: decision.function,
            reference: reference ?? movementReference(for: decision, key: key, decidedAt: decidedAt),
            declaration: decision.declaration.flatMap { try? DeclarationSnapshot.encode($0) } ?? "",
            claims: LotClaim.net(taking: decision.writeOffs, givingBack: givingBack),
            ruleHits: decision.hits.map(\.ruleID))
        // The members are the object just written, without its braces: the answer shares its bytes.
        return PendingRecord(
            stored: stored, members: payload[1..<(payload.count - 1)], notices: TraderAnswer.notices(of: decision))
    }

    /// The row for a cancellation that withdraws `current`.
    static func withdrawal(
        of current: StoredDecision, by cancellation: Declaration, revision: String, version: Int, decidedAt: Int64
    ) throws -> PendingRecord {
        let key = DecisionKey(
            declarant: current.key.declarant, declarationID: current.key.declarationID, revision: revision)
        let payload = DecisionPayload(withdrawing: current, by: cancellation, key: key, version: version)
        let stored = StoredDecision(
            key: key, messageID: cancellation.messageID, lane: .withdrawn, profileVersion: current.profileVersion,
            decidedAt: decidedAt, payload: try payload.encoded(), function: .cancellation,
            reference: current.reference,
            claims: LotClaim.net(taking: [], givingBack: try current.decodedPayload().writeOffs ?? []), ruleHits: [])
        return PendingRecord(stored: stored, members: nil)
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
