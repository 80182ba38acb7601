import FastReleaseCore
import FastReleaseStore
import Hummingbird

/// Finds the stored revisions of the declaration a caller names, for the routes that read or
/// judge a decision (`GET /v1/decisions`, `POST /v1/inspections`).
struct DecisionLookup {
    let log: any DecisionLog

    /// Every revision, oldest first, of the one declaration `id` names (a declaration id or an
    /// MRN), narrowed to `declarant` when given.
    ///
    /// - Throws: 404 when none is stored; 409 when several declarants used the id (`hint` says
    ///   how to name one).
    func revisions(of id: String, declarant: String?, hint: String) async throws(ServiceError) -> [StoredDecision] {
        var stored: [StoredDecision]
        do {
            stored = try await log.decisions(declarationID: id)
            if stored.isEmpty { stored = try await log.decisions(reference: id) }
        } catch {
            throw ServiceError(.serviceUnavailable, code: "store.unavailable", "the decision log cannot be read now")
        }
        if let declarant { stored = stored.filter { $0.key.declarant == declarant } }
        guard !stored.isEmpty else {
            throw ServiceError(.notFound, code: "decision.not-found", "no decision is stored for declaration \(id)")
        }
        let declarants = Set(stored.map(\.key.declarant))
        guard declarants.count == 1 else {
            throw ServiceError(
                .conflict, code: "decision.ambiguous",
                "declarants \(declarants.sorted().joined(separator: ", ")) each sent a declaration \(id); add \(hint)")
        }
        return stored
    }

    /// The revision in force of the declaration a body names (`"declarant"` narrows it).
    ///
    /// - Throws: as ``revisions(of:declarant:hint:)``; 409 when it was cancelled (`purpose`
    ///   says what cannot be done: `inspect`).
    func inForce(_ id: String, declarant: String?, purpose: String) async throws(ServiceError) -> StoredDecision {
        let current = try await revisions(of: id, declarant: declarant, hint: "\"declarant\"").last!
        guard !current.isWithdrawal else {
            throw ServiceError(
                .conflict, code: "declaration.cancelled",
                "declaration \(id) was cancelled; there is no decision in force to \(purpose) against")
        }
        return current
    }

    /// What laboratory results made of `decision`'s goods, from the inspections recorded
    /// against it: the newest with laboratory results, for a declaration held for tests.
    static func verdict(of decision: StoredDecision, inspections: [StoredInspection]) -> LabVerdict? {
        guard decision.lane == .decided(.sampleRelease) || decision.lane == .decided(.hold) else { return nil }
        let results = inspections.filter { $0.decision == decision.key }.sorted { $0.inspectedAt < $1.inspectedAt }
            .compactMap { inspection -> (StoredInspection, InspectionPayload)? in
                guard let payload = try? InspectionPayload.decode(inspection.payload), !payload.labResults.isEmpty
                else { return nil }
                return (inspection, payload)
            }
        guard let (inspection, payload) = results.last else { return nil }
        let failed = Set(payload.labResults.filter { !$0.passed }.map(\.test))
        let passed = Set(payload.labResults.filter(\.passed).map(\.test)).subtracting(failed)
        return LabVerdict(
            released: inspection.conforming, passed: passed.sorted(), failed: failed.sorted(),
            result: inspection.inspectionID, recordedAt: inspection.inspectedAt)
    }
}
