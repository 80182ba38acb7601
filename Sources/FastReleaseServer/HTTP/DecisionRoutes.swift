import FastReleaseCore
import FastReleaseStore
import Hummingbird

/// `GET /v1/decisions/{id}[?declarant=CODE]`: the decision in force for a declaration, as it
/// was answered, with its history.
///
/// `id` is a declaration id (CEB `copNo`, WCO LRN) or the MRN FastRelease gave a WCO
/// declaration. The answer is the newest revision's payload with members added (``DecisionInForce``).
/// 404 when none is stored; 409 when several declarants used the id and none was named.
struct DecisionRoutes {
    let log: any DecisionLog

    func register(on router: Router<ServiceRequestContext>) {
        router.get("/v1/decisions/:id") { request, context in
            try context.require(.viewer)
            let id = try context.parameters.require("id")
            let declarant = request.uri.queryParameters["declarant"].map(String.init)
            let history = try await DecisionLookup(log: log).revisions(
                of: id, declarant: declarant, hint: "?declarant=CODE")
            let current = history.last!
            let inspections = try await log.inspections(declarationID: current.key.declarationID).filter {
                $0.decision.declarant == current.key.declarant
            }
            return try JSONResponse.make(try DecisionInForce(history: history, inspections: inspections.map(\.payload)))
        }
    }
}

/// The newest revision's payload with `reference` (the MRN, if any), `status` (`current`, or
/// `withdrawn` after a cancellation), `history` (every revision oldest first with its function,
/// lane, time and status: `superseded`, `current`, `withdrawn`) and `inspections` (the results
/// recorded for it, `POST /v1/inspections`).
struct DecisionInForce: Encodable {
    let payload: DecisionPayload
    let reference: String?
    let status: String
    let history: [Revision]
    let inspections: [InspectionPayload]

    struct Revision: Encodable {
        let summary: RevisionSummary
        let status: String

        private enum CodingKeys: String, CodingKey { case status }

        func encode(to encoder: any Encoder) throws {
            try summary.encode(to: encoder)
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(status, forKey: .status)
        }
    }

    private enum CodingKeys: String, CodingKey { case reference, status, history, inspections }

    init(history: [StoredDecision], inspections: [String]) throws {
        let current = history.last!
        payload = try current.decodedPayload()
        reference = current.reference.isEmpty ? nil : current.reference
        status = current.isWithdrawal ? "withdrawn" : "current"
        self.history = history.enumerated().map { index, revision in
            Revision(
                summary: revision.revisionSummary,
                status: index < history.count - 1 ? "superseded" : current.isWithdrawal ? "withdrawn" : "current")
        }
        self.inspections = try inspections.map(InspectionPayload.decode)
    }

    func encode(to encoder: any Encoder) throws {
        try payload.encode(to: encoder)
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encodeIfPresent(reference, forKey: .reference)
        try container.encode(status, forKey: .status)
        try container.encode(history, forKey: .history)
        try container.encode(inspections, forKey: .inspections)
    }
}
