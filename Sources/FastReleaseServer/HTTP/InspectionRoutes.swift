import FastReleaseCore
import FastReleaseStore
import Foundation
import Hummingbird
import NIOCore

/// `POST /v1/inspections` (inspector or operator role; never a gateway, a trader's system): the outcome of an inspection, recorded
/// against the decision in force for the declaration.
///
/// ```json
/// {"inspection_id": "NB-2026-000123", "declaration": "NBBH20160308005", "declarant": "1105910159",
///  "conforming": false, "findings": ["pH 9.1 above the limit"],
///  "lab_results": [{"test": "ph-value", "passed": false, "value": "9.1"}],
///  "inspected_at": "2026-11-16T09:30:00Z"}
/// ```
///
/// 201 with the recorded result; 200 with `"replay": true` when the same `inspection_id` was
/// recorded before (send one so that a resend is safe); 404 when no decision is stored for the
/// declaration; 409 when several declarants used the id and none was named, or the declaration
/// was cancelled; 400 with the field at fault for anything else.
struct InspectionRoutes {
    let log: any DecisionLog
    let clock: WallClock
    static let maxBodyBytes = 64 << 10

    func register(on router: RouteTable) {
        router.post("/v1/inspections") { request, context in
            try context.require(.inspector)
            let body = try await RequestBody.collect(request, limit: Self.maxBodyBytes, what: "an inspection result")
            let submitted = try InspectionSubmission.parse(Data(body.readableBytesView))
            let decision = try await DecisionLookup(log: log).inForce(
                submitted.declaration, declarant: submitted.declarant, purpose: "inspect")
            let inspection = try submitted.stored(
                against: decision.key, recordedBy: context.caller?.name ?? "", now: clock.milliseconds())
            let outcome = try await log.record(inspection)
            let replay = if case .replayed = outcome { true } else { false }
            return try JSONResponse.make(
                WithReplay(replay: replay, payload: try InspectionPayload.decode(outcome.inspection.payload)),
                status: replay ? .ok : .created)
        }
    }

}
