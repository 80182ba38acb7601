import FastReleaseCore
import FastReleaseStore
import Foundation
import Hummingbird
import NIOCore

/// The reference state over HTTP, for operators and laboratories (never gateways: it shows who
/// is monitored and which lots release goods).
///
/// - `GET /v1/state` (laboratory or operator): lots with what they have left, suppliers and
///   monitoring with where each test stands now.
/// - `POST /v1/state/{file}` (operator; laboratory for `lot-tests.csv` and
///   `monitoring-results.csv` only): rows in that file's CSV format (docs/state.md) added to
///   the state or replacing rows with the same key; 201 with the recorded change, 400 with every
///   mistake at its line and column (nothing is recorded).
/// - `GET /v1/state/changes?after=N&limit=M` (laboratory or operator): who changed what, when.
struct StateRoutes {
    let keeper: StateKeeper
    let log: any DecisionLog
    let profile: LiveProfile
    let clock: WallClock
    static let maxBodyBytes = 4 << 20

    func register(on router: Router<ServiceRequestContext>) {
        router.get("/v1/state") { _, context in
            try context.require(.laboratory)
            try await keeper.refresh()
            let state = keeper.live.current ?? ReferenceState()
            let now = clock.civil(offsetSeconds: profile.current.source.timeZoneOffsetSeconds)
            return try JSONResponse.make(StateInForce(state, sequence: keeper.live.sequence, at: now))
        }
        router.get("/v1/state/changes") { request, context in
            try context.require(.laboratory)
            let after = Int64(request.uri.queryParameters.get("after") ?? "0") ?? 0
            let limit = min(1000, max(1, Int(request.uri.queryParameters.get("limit") ?? "100") ?? 100))
            let changes = try await log.stateChanges(after: after, limit: limit)
            return try JSONResponse.make(StateChanges(changes: changes.map(StateChanges.Change.init)))
        }
        router.post("/v1/state/:file") { request, context in
            let file = context.parameters.get("file") ?? ""
            try context.require(StateKeeper.laboratoryFiles.contains(file) ? .laboratory : .operator)
            let body = try await RequestBody.collect(
                request, limit: Self.maxBodyBytes, what: "a state file", hint: "send it in parts")
            guard let text = String(validating: body.readableBytesView, as: UTF8.self) else {
                throw ServiceError(.badRequest, code: "state.encoding", "send the CSV as UTF-8 text")
            }
            do {
                let change = try await keeper.apply(
                    files: [file: text], changedBy: context.caller?.name ?? "",
                    role: context.caller?.role.rawValue ?? "operator")
                return try JSONResponse.make(StateChanges.Change(change), status: .created)
            } catch let refusal as StateKeeper.Refusal {
                throw ServiceError(
                    .badRequest, code: "state.invalid",
                    "\(file) has \(refusal.issues.count) mistake\(refusal.issues.count == 1 ? "" : "s"); nothing was recorded:\n"
                        + refusal.issues.map(\.description).joined(separator: "\n"))
            }
        }
    }
}
