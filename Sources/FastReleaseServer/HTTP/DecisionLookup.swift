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
}
