import FastReleaseCore
import FastReleaseStore
import Foundation
import Hummingbird

/// `POST /v1/lab-results` (laboratory or operator): a laboratory's results for a declaration
/// held for tests (lane `sample-release` or `hold`). When every test the decision requires has
/// passed, the goods are released; when one failed, they stay held and are marked
/// nonconforming. The results are recorded as an inspection of the decision in force.
///
/// ```json
/// {"inspection_id": "WQ-LAB-2026-0042", "declaration": "HS-FUR-RU-001", "declarant": "1105910159",
///  "lab_results": [{"test": "azo-dyes", "passed": true}, {"test": "free-formaldehyde", "passed": true}],
///  "inspected_at": "2026-11-16T09:30:00Z"}
/// ```
///
/// 201 with the new status; 200 with `"replay": true` for an `inspection_id` recorded before;
/// with `Accept: application/xml`, the receipt in the gateway's language instead (CEB622/CEB604
/// `800` released, DMS `08`). 409 when the declaration is not held for tests or was cancelled;
/// 400 when a required test has no result and none failed.
struct LabResultsRoutes {
    let log: any DecisionLog
    let clock: WallClock

    func register(on router: RouteTable) {
        router.post("/v1/lab-results") { request, context in
            try context.require(.laboratory)
            let body = try await RequestBody.collect(
                request, limit: InspectionRoutes.maxBodyBytes, what: "one set of laboratory results")
            var submitted = try InspectionSubmission.parse(Data(body.readableBytesView), conformingRequired: false)
            guard !(submitted.labResults ?? []).isEmpty else {
                throw ServiceError(.badRequest, code: "inspection.invalid", "`lab_results` is missing or empty")
            }
            let decision = try await DecisionLookup(log: log).inForce(
                submitted.declaration, declarant: submitted.declarant, purpose: "record laboratory results")
            let required = try Self.requiredTests(of: decision)
            let results = submitted.labResults ?? []
            let failed = Set(results.filter { !$0.passed }.map(\.test))
            let passed = Set(results.filter(\.passed).map(\.test))
            guard
                let verdict = LabVerdict.judging(
                    required: required, passedTests: passed, failedTests: failed, result: submitted.inspectionID ?? "",
                    at: clock.milliseconds())
            else {
                let missing = Set(required).subtracting(passed).sorted()
                throw ServiceError(
                    .badRequest, code: "lab-results.incomplete",
                    "no result for \(missing.joined(separator: ", ")); the decision requires \(required.joined(separator: ", ")), and the goods stay held until every one has passed or one has failed"
                )
            }
            submitted.conforming = verdict.released
            let inspection = try submitted.stored(
                against: decision.key, recordedBy: context.caller?.name ?? "", now: clock.milliseconds())
            let outcome = try await log.record(inspection)
            let replay = if case .replayed = outcome { true } else { false }
            let recorded = DecisionLookup.verdict(of: decision, inspections: [outcome.inspection]) ?? verdict
            if ReceiptResponse.wanted(request.headers[.accept]) {
                return try ReceiptResponse.make(decision, verdict: recorded, status: replay ? .ok : .created)
            }
            return try JSONResponse.make(
                WithReplay(replay: replay, payload: LabVerdictAnswer(decision: decision.key, verdict: recorded)),
                status: replay ? .ok : .created)
        }
    }

    /// The tests `decision` requires, if it holds the goods for tests.
    private static func requiredTests(of decision: StoredDecision) throws -> [String] {
        guard decision.lane == .decided(.sampleRelease) || decision.lane == .decided(.hold) else {
            throw ServiceError(
                .conflict, code: "declaration.not-held",
                "declaration \(decision.key.declarationID) is in lane \(decision.lane.name); laboratory results change only goods held for tests (sample-release, hold)"
            )
        }
        return try decision.decodedPayload().labTests ?? []
    }
}

/// What `POST /v1/lab-results` answers in JSON.
struct LabVerdictAnswer: Encodable {
    let declaration: String
    let declarant: String
    let status: String
    let passed: [String]
    let failed: [String]
    let inspection: String

    init(decision: DecisionKey, verdict: LabVerdict) {
        declaration = decision.declarationID
        declarant = decision.declarant
        status = verdict.status
        passed = verdict.passed
        failed = verdict.failed
        inspection = verdict.result
    }
}
