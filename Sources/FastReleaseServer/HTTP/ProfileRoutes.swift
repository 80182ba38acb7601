import FastReleaseCore
import FastReleaseStore
import Foundation
import Hummingbird
import Logging
import NIOCore

/// The profile in force and its history; changing it without a restart.
///
/// - `GET /v1/profile` (viewer): the version in force and the history, newest first.
/// - `PUT /v1/profile` (operator): `{"files": {"profile.yaml": "…", "rules/alerts.yaml": "…",
///   "enterprises.csv": "…", "tests/12-case.yaml": "…"}}` proposes a new version (202, a proposal
///   for another operator to approve: ``ProposalRoutes``), or with `profile.approvals: 0` puts it
///   in force at once; 422 with every error (`file:line:column`) when it is invalid, and the old
///   version keeps serving.
/// - `POST /v1/profile/restore` (operator): `{"version": "default@…"}` proposes (or puts back) an
///   earlier version; 404 when no change recorded it.
/// - `PUT /v1/profile/shadow` (operator, the same body as `PUT /v1/profile`) runs a candidate
///   beside the live profile; `GET /v1/profile/shadow` (viewer) compares them (counts by lane pair
///   and examples); `DELETE /v1/profile/shadow` (operator) stops it.
struct ProfileRoutes {
    let manager: ProfileManager
    let proposals: ProfileProposals
    let shadow: ShadowComparison
    let log: any DecisionLog
    let clock: WallClock
    static let maxBodyBytes = ProfileBundle.maxBytes + (1 << 20)

    func register(on router: RouteTable) {
        registerShadow(on: router)
        router.get("/v1/profile") { _, context in
            try context.require(.viewer)
            let current = manager.live.current
            return try JSONResponse.make(
                ProfileInForce(
                    version: current.version, name: current.source.name, rules: current.ruleCount,
                    history: try await manager.history().map(ProfileChangeSummary.init)))
        }
        router.put("/v1/profile") { request, context in
            try context.require(.operator)
            let (bundle, tests) = try await Self.upload(request)
            let who = context.caller?.name ?? ""
            guard proposals.required == 0 else {
                return try await Self.proposed(request) { try await proposals.propose(bundle, tests: tests, by: who) }
            }
            return try await Self.answer(request) { try await manager.replace(with: bundle, by: who) }
        }
        router.post("/v1/profile/restore") { request, context in
            try context.require(.operator)
            let body = try await request.body.collect(upTo: 64 << 10)
            guard let version = try? JSONDecoder().decode(Restore.self, from: Data(body.readableBytesView)).version
            else {
                throw ServiceError(.badRequest, code: "profile.body", "send {\"version\": \"name@hash\"}")
            }
            let who = context.caller?.name ?? ""
            guard proposals.required == 0 else {
                return try await Self.proposed(request) {
                    try await proposals.proposeRestore(version: version, by: who)
                }
            }
            return try await Self.answer(request) { try await manager.restore(version: version, by: who) }
        }
    }

    private func registerShadow(on router: RouteTable) {
        router.put("/v1/profile/shadow") { request, context in
            try context.require(.operator)
            let (bundle, _) = try await Self.upload(request)
            let candidate: CompiledProfile
            do {
                candidate = try await manager.compileCandidate(bundle)
            } catch ProfileManager.Refusal.invalid(let error) {
                throw Self.invalid(error, request)
            }
            try await shadow.start(
                candidate, files: try StoredJSON.text(of: bundle), by: context.caller?.name ?? "",
                at: clock.milliseconds())
            context.logger.notice("shadow started", metadata: ["profile.shadow": "\(candidate.version)"])
            return try await shadowAnswer()
        }
        router.get("/v1/profile/shadow") { _, context in
            try context.require(.viewer)
            return try await shadowAnswer()
        }
        router.delete("/v1/profile/shadow") { _, context in
            try context.require(.operator)
            try await shadow.stop(at: clock.milliseconds())
            return try await shadowAnswer()
        }
    }

    /// The comparison so far, with up to 20 recent examples of declarations the two decided differently.
    private func shadowAnswer() async throws -> Response {
        let summary = try await shadow.summary()
        var examples: [ShadowReport.Example] = []
        if let version = summary.version {
            examples = try await log.shadowDifferences(version: version, limit: 20).map(ShadowReport.Example.init)
        }
        return try JSONResponse.make(
            ShadowReport(
                live: manager.live.current.version, shadow: summary.version, since: summary.since,
                compared: summary.compared, differing: summary.differing, byLanes: summary.byLanes,
                examples: examples))
    }

    /// The profile's files and, apart, its example cases (`tests/…` paths, by path inside `tests/`).
    private static func upload(_ request: Request) async throws -> (ProfileBundle, tests: [String: String]) {
        let body = try await request.body.collect(upTo: maxBodyBytes)
        let files: [String: String]
        do {
            files = try JSONDecoder().decode(Upload.self, from: Data(body.readableBytesView)).files
        } catch {
            throw ServiceError(
                .badRequest, code: "profile.body",
                "send {\"files\": {\"profile.yaml\": \"…\", …}}, the profile's files as text by relative path: \(error)"
            )
        }
        let tests = Dictionary(
            uniqueKeysWithValues: files.filter { $0.key.hasPrefix("tests/") }.map {
                (String($0.key.dropFirst(6)), $0.value)
            })
        do {
            return (try ProfileBundle(files: files.filter { !$0.key.hasPrefix("tests/") }), tests)
        } catch {
            throw invalid(error, request)
        }
    }

    private struct Upload: Decodable { var files: [String: String] }
    private struct Restore: Decodable { var version: String }

    private static func answer(
        _ request: Request, _ change: () async throws -> StoredProfileChange
    ) async throws -> Response {
        do {
            return try JSONResponse.make(ProfileChangeSummary(try await change()))
        } catch ProfileManager.Refusal.invalid(let error) {
            throw invalid(error, request)
        } catch ProfileManager.Refusal.busy {
            throw ServiceError(.conflict, code: "profile.busy", "another profile change is being made; try again")
        } catch ProfileManager.Refusal.unknownVersion(let version) {
            throw ServiceError(.notFound, code: "profile.unknown-version", "no recorded change put \(version) in force")
        }
    }

    /// A proposal made (202), or the profile's errors, or no such version to restore.
    private static func proposed(
        _ request: Request, _ propose: () async throws -> StoredProfileProposal
    ) async throws -> Response {
        do {
            return try JSONResponse.make(ProposalAnswer(try await propose()), status: .accepted)
        } catch ProfileManager.Refusal.invalid(let error) {
            throw invalid(error, request)
        } catch ProfileManager.Refusal.unknownVersion(let version) {
            throw ServiceError(.notFound, code: "profile.unknown-version", "no recorded change put \(version) in force")
        }
    }

    /// A refused profile, its every issue in the language the request asks for (`Accept-Language`).
    private static func invalid(_ error: ProfileError, _ request: Request) -> ServiceError {
        let language = OperatorLanguage(acceptLanguage: request.headers[.acceptLanguage])
        let count = error.errors.count
        let heading = OperatorText(
            en: "the profile has \(count) error(s); the version in force keeps serving:",
            zh: "风险配置有 \(count) 处错误；现行版本继续使用：")
        return ServiceError(
            .unprocessableContent, code: "profile.invalid",
            ([heading.inLanguage(language)] + error.issues.map { $0.description(in: language) }).joined(separator: "\n")
        )
    }
}
