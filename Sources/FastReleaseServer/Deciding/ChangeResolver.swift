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
        case record(PendingRecord)
        /// The change cannot be applied.
        case refuse(DeclarationError)
    }

    func resolve(
        _ change: Declaration, decodeMicroseconds: Double, profile: CompiledProfile, state: ReferenceState?,
        receivedAt: CivilTime, decidedAt: Int64
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
                    try decide(
                        declaration, decodeMicroseconds, profile, state, receivedAt, decidedAt, revision, version: 1,
                        supersedes: nil))
            }
            return .refuse(
                refusal(
                    change, .unknownDeclaration,
                    "the \(change.function.rawValue) names \(change.amends), which FastRelease has not decided; send the original declaration first"
                ))
        }
        if current.isWithdrawal {
            return .refuse(
                refusal(
                    change, .alreadyCancelled,
                    "declaration \(current.key.declarationID) (\(change.amends)) was cancelled; a cancelled declaration cannot be changed"
                ))
        }
        if change.function == .cancellation {
            return .record(
                try DecisionRecords.withdrawal(
                    of: current, by: change, revision: revision, version: history.count + 1, decidedAt: decidedAt))
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
            try decide(
                declaration, decodeMicroseconds, profile, state, receivedAt, decidedAt, revision,
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

    /// Scores an amendment against the state with what the revision it replaces wrote off given
    /// back, and records the difference.
    private func decide(
        _ declaration: Declaration, _ decodeMicroseconds: Double, _ profile: CompiledProfile, _ state: ReferenceState?,
        _ receivedAt: CivilTime, _ decidedAt: Int64, _ revision: String, version: Int,
        supersedes current: StoredDecision?
    ) throws -> PendingRecord {
        let given = try current?.decodedPayload().writeOffs ?? []
        var decision = Scorer(profile: profile).score(
            declaration, receivedAt: receivedAt, drawnAt: receivedAt, decodeMicroseconds: decodeMicroseconds,
            state: state?.givingBack(given))
        decision.declaration = declaration
        let key = DecisionKey(
            declarant: current?.key.declarant ?? decision.declarant,
            declarationID: current?.key.declarationID ?? decision.declarationID, revision: revision)
        return DecisionRecords.scored(
            decision, decidedAt: decidedAt,
            extras: PayloadExtras(revision: revision, version: version, supersedes: current?.revisionSummary),
            key: key, reference: current?.reference, givingBack: given)
    }

    private func refusal(_ change: Declaration, _ code: DeclarationError.Code, _ reason: String) -> DeclarationError {
        DeclarationError(
            code: code, position: change.position, messageID: change.messageID, declarationID: change.id,
            reason: reason)
    }
}
