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

    func register(on router: RouteTable) {
        router.get("/v1/state") { _, context in
            try context.require(.laboratory)
            try await keeper.refresh()
            let state = keeper.live.current ?? ReferenceState()
            let now = clock.civil(offsetSeconds: profile.current.source.timeZoneOffsetSeconds)
            return try JSONResponse.make(StateInForce(state, sequence: keeper.live.sequence, at: now))
        }
        router.get("/v1/state/changes") { request, context in
            try context.require(.laboratory)
            let query = request.uri.queryParameters
            let after = try Self.number(query.get("after"), named: "after", default: 0, in: 0...Int64.max)
            let limit = Int(try Self.number(query.get("limit"), named: "limit", default: 100, in: 1...1000))
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

    /// A whole-number query parameter, `default` when absent; 400 naming it when it is not a
    /// number in `range`.
    private static func number(
        _ text: String?, named name: String, default value: Int64, in range: ClosedRange<Int64>
    ) throws(ServiceError) -> Int64 {
        guard let text else { return value }
        guard let number = Int64(text), range.contains(number) else {
            throw ServiceError(
                .badRequest, code: "request.query",
                "`\(name)` is `\(text)`; send a whole number from \(range.lowerBound) to \(range.upperBound)")
        }
        return number
    }
}
