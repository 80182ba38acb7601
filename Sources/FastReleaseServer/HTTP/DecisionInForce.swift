import FastReleaseCore

/// The newest revision's payload with `reference` (the MRN, if any), `status` (`current`;
/// `withdrawn` after a cancellation; `released` or `nonconforming` after laboratory results for
/// goods held for tests), `history` (every revision oldest first with its function,
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

    init(history: [StoredDecision], inspections: [String], verdict: LabVerdict? = nil) throws {
        let current = history.last!
        payload = try current.decodedPayload()
        reference = current.reference.isEmpty ? nil : current.reference
        status = current.isWithdrawal ? "withdrawn" : verdict?.status ?? "current"
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
