import FastReleaseCore
import FastReleaseStore

/// Resolves amendments and cancellations against the decision log: finds the declaration they
/// change, merges an amendment with it and scores the result, or withdraws it.
///
/// The earlier declaration is found by the reference the change names: first as a customs
/// reference (the MRN FastRelease gave a WCO declaration), then as a declaration id (a CEB
/// `copNo`, or a WCO LRN), narrowed to the change's declarant when it names one. The newest
/// stored revision is the one changed. A change's own revision id is the amendment's LRN (WCO)
/// or its message guid (CEB), so a resent change is a replay, not a second change.
struct ChangeResolver {
    let log: any DecisionLog

    /// What a change becomes.
    enum Resolution {
        /// A decision to record (an amendment's new decision, or a cancellation's withdrawal).
        case record(StoredDecision)
        /// The change cannot be applied.
        case refuse(DeclarationError)
    }

    /// The lane name recorded for a withdrawn declaration.
    static let withdrawnLane = "withdrawn"

    func resolve(
        _ change: Declaration, decodeMicroseconds: Double, profile: CompiledProfile, receivedAt: CivilTime,
        decidedAt: Int64
    ) async throws -> Resolution {
        let revision = Self.revision(of: change, decidedAt: decidedAt)
        let history: [StoredDecision]
        switch try await earlierRevisions(of: change, revision: revision) {
        case .found(let rows): history = rows
        case .refused(let error): return .refuse(error)
        }
        guard let current = history.last else {
            if change.function == .amendment, !change.carriesChangesOnly {
                // A CEB amendment carries the whole inventory: decide it even without the original.
                var declaration = change
                declaration.issues.append(
                    DataIssue(code: "amends-unknown", detail: "no earlier decision for \(change.amends) was found"))
                return .record(
                    decide(
                        declaration, decodeMicroseconds, profile, receivedAt, decidedAt, revision, version: 1,
                        supersedes: nil))
            }
            return .refuse(
                refusal(
                    change, .unknownDeclaration,
                    "the \(change.function.rawValue) names \(change.amends), which FastRelease has not decided; send the original declaration first"
                ))
        }
        if current.function == DeclarationFunction.cancellation.rawValue {
            return .refuse(
                refusal(
                    change, .alreadyCancelled,
                    "declaration \(current.key.declarationID) (\(change.amends)) was cancelled; a cancelled declaration cannot be changed"
                ))
        }
        if change.function == .cancellation {
            return .record(
                withdrawal(change, of: current, revision: revision, version: history.count + 1, decidedAt: decidedAt))
        }
        let declaration: Declaration
        if change.carriesChangesOnly {
            guard !current.declaration.isEmpty, let base = try? DeclarationSnapshot.decode(current.declaration) else {
                return .refuse(
                    refusal(
                        change, .unknownDeclaration,
                        "the decision for \(current.key.declarationID) was stored without its declaration, so the changes cannot be merged; send the whole declaration as a new one"
                    ))
            }
            declaration = base.amended(by: change)
        } else {
            declaration = change
        }
        return .record(
            decide(
                declaration, decodeMicroseconds, profile, receivedAt, decidedAt, revision,
                version: history.count + 1, supersedes: current))
    }

    /// A change's own revision id: the amendment's LRN (WCO), else its message id (CEB guid).
    static func revision(of change: Declaration, decidedAt: Int64) -> String {
        if let reference = change.reference("FunctionalReferenceID"), !reference.isEmpty { return reference }
        if !change.messageID.isEmpty { return change.messageID }
        return "change-\(decidedAt)"
    }

    private enum Lookup {
        case found([StoredDecision])
        case refused(DeclarationError)
    }

    /// The stored revisions of the declaration a change names, oldest first, without the
    /// change itself (a resend).
    private func earlierRevisions(of change: Declaration, revision: String) async throws -> Lookup {
        var rows = try await log.decisions(reference: change.amends)
        if rows.isEmpty { rows = try await log.decisions(declarationID: change.amends) }
        if let declarant = change.parties.code(.declarant), !declarant.isEmpty {
            let own = rows.filter { $0.key.declarant == declarant }
            if !own.isEmpty { rows = own }
        }
        let declarants = Set(rows.map(\.key.declarant))
        guard declarants.count <= 1 else {
            return .refused(
                refusal(
                    change, .unknownDeclaration,
                    "declarants \(declarants.sorted().joined(separator: ", ")) each sent a declaration \(change.amends); name the declarant"
                ))
        }
        return .found(rows.filter { $0.key.revision != revision })
    }

    private func decide(
        _ declaration: Declaration, _ decodeMicroseconds: Double, _ profile: CompiledProfile, _ receivedAt: CivilTime,
        _ decidedAt: Int64, _ revision: String, version: Int, supersedes current: StoredDecision?
    ) -> StoredDecision {
        var decision = Scorer(profile: profile).score(
            declaration, receivedAt: receivedAt, decodeMicroseconds: decodeMicroseconds)
        decision.declaration = declaration
        var extra: [UInt8] = []
        extra.append(contentsOf: Array(",\"revision\":".utf8))
        extra.append(jsonString: revision)
        extra.append(contentsOf: Array(",\"version\":\(version)".utf8))
        if let current {
            extra.append(contentsOf: Array(",\"supersedes\":".utf8))
            Self.appendSummary(of: current, to: &extra)
        }
        return StoredRecord.decision(
            decision, decidedAt: decidedAt, revision: revision,
            declarant: current?.key.declarant, declarationID: current?.key.declarationID,
            reference: current?.reference, extraFields: extra)
    }

    private func withdrawal(
        _ change: Declaration, of current: StoredDecision, revision: String, version: Int, decidedAt: Int64
    ) -> StoredDecision {
        var out: [UInt8] = Array("{\"declaration\":".utf8)
        out.append(jsonString: current.key.declarationID)
        out.append(contentsOf: Array(",\"declarant\":".utf8))
        out.append(jsonString: current.key.declarant)
        out.append(contentsOf: Array(",\"message\":".utf8))
        out.append(jsonString: change.messageID)
        out.append(contentsOf: Array(",\"format\":".utf8))
        out.append(jsonString: change.format)
        out.append(
            contentsOf: Array(",\"function\":\"cancellation\",\"lane\":\"\(Self.withdrawnLane)\",\"reason\":".utf8))
        out.append(jsonString: change.reference("StatementDescription") ?? "")
        out.append(contentsOf: Array(",\"revision\":".utf8))
        out.append(jsonString: revision)
        out.append(contentsOf: Array(",\"version\":\(version),\"withdraws\":".utf8))
        Self.appendSummary(of: current, to: &out)
        out.append(UInt8(ascii: "}"))
        return StoredDecision(
            key: DecisionKey(
                declarant: current.key.declarant, declarationID: current.key.declarationID, revision: revision),
            messageID: change.messageID, lane: Self.withdrawnLane, profileVersion: current.profileVersion,
            decidedAt: decidedAt, payload: String(decoding: out, as: UTF8.self),
            function: DeclarationFunction.cancellation.rawValue, reference: current.reference)
    }

    /// `{"revision":…,"function":…,"lane":…,"decided_at":…}` of a stored decision.
    static func appendSummary(of decision: StoredDecision, to out: inout [UInt8]) {
        out.append(contentsOf: Array("{\"revision\":".utf8))
        out.append(jsonString: decision.key.revision)
        out.append(contentsOf: Array(",\"function\":".utf8))
        out.append(jsonString: decision.function)
        out.append(contentsOf: Array(",\"lane\":".utf8))
        out.append(jsonString: decision.lane)
        out.append(contentsOf: Array(",\"decided_at\":\(decision.decidedAt)}".utf8))
    }

    private func refusal(_ change: Declaration, _ code: DeclarationError.Code, _ reason: String) -> DeclarationError {
        DeclarationError(
            code: code, position: change.position, messageID: change.messageID, declarationID: change.id,
            reason: reason)
    }
}
