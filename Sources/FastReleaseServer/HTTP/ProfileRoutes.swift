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
///   "enterprises.csv": "…"}}` puts a new version in force; 422 with every error
///   (`file:line:column`) when it is invalid, and the old version keeps serving.
/// - `POST /v1/profile/restore` (operator): `{"version": "default@…"}` puts an earlier version
///   back; 404 when no change recorded it.
/// - `PUT /v1/profile/shadow` (operator, the same body as `PUT /v1/profile`) runs a candidate
///   beside the live profile; `GET /v1/profile/shadow` (viewer) compares them (counts by lane pair
///   and examples); `DELETE /v1/profile/shadow` (operator) stops it.
struct ProfileRoutes {
    let manager: ProfileManager
    let shadow: ShadowComparison
    let log: any DecisionLog
    static let maxBodyBytes = ProfileBundle.maxBytes + (1 << 20)

    func register(on router: Router<ServiceRequestContext>) {
        registerShadow(on: router)
        router.get("/v1/profile") { _, context in
            try context.require(.viewer)
            let current = manager.live.current
            var out: [UInt8] = Array("{\"version\":".utf8)
            out.append(jsonString: current.version)
            out += Array(",\"name\":".utf8)
            out.append(jsonString: current.source.name)
            out += Array(",\"rules\":\(current.ruleCount),\"history\":[".utf8)
            for (index, change) in try await manager.history().enumerated() {
                if index > 0 { out.append(UInt8(ascii: ",")) }
                Self.append(change, to: &out)
            }
            out += Array("]}\n".utf8)
            return Self.json(.ok, out)
        }
        router.put("/v1/profile") { request, context in
            try context.require(.operator)
            let bundle = try await Self.bundle(request)
            return try await Self.answer { try await manager.replace(with: bundle, by: context.caller?.name ?? "") }
        }
        router.post("/v1/profile/restore") { request, context in
            try context.require(.operator)
            let body = try await request.body.collect(upTo: 64 << 10)
            guard let version = try? JSONDecoder().decode(Restore.self, from: Data(body.readableBytesView)).version
            else {
                throw ServiceError(.badRequest, code: "profile.body", "send {\"version\": \"name@hash\"}")
            }
            return try await Self.answer { try await manager.restore(version: version, by: context.caller?.name ?? "") }
        }
    }

    private func registerShadow(on router: Router<ServiceRequestContext>) {
        router.put("/v1/profile/shadow") { request, context in
            try context.require(.operator)
            let bundle = try await Self.bundle(request)
            let candidate: CompiledProfile
            do {
                candidate = try await manager.compileCandidate(bundle)
            } catch ProfileManager.Refusal.invalid(let error) {
                throw Self.invalid(error)
            }
            shadow.start(candidate, at: Int64(Date().timeIntervalSince1970 * 1000))
            context.logger.notice("shadow started", metadata: ["profile.shadow": "\(candidate.version)"])
            return try await shadowAnswer()
        }
        router.get("/v1/profile/shadow") { _, context in
            try context.require(.viewer)
            return try await shadowAnswer()
        }
        router.delete("/v1/profile/shadow") { _, context in
            try context.require(.operator)
            shadow.stop()
            return try await shadowAnswer()
        }
    }

    /// `{"live":…,"shadow":…|null,"since":…,"compared":…,"differing":…,"by_lanes":{…},"examples":[…]}`
    private func shadowAnswer() async throws -> Response {
        let summary = shadow.summary
        var out: [UInt8] = Array("{\"live\":".utf8)
        out.append(jsonString: manager.live.current.version)
        out += Array(",\"shadow\":".utf8)
        if let version = summary.version { out.append(jsonString: version) } else { out += Array("null".utf8) }
        out += Array(
            ",\"since\":\(summary.since),\"compared\":\(summary.compared),\"differing\":\(summary.differing),\"by_lanes\":{"
                .utf8)
        for (index, (pair, count)) in summary.byLanes.sorted(by: { $0.key < $1.key }).enumerated() {
            if index > 0 { out.append(UInt8(ascii: ",")) }
            out.append(jsonString: pair)
            out += Array(":\(count)".utf8)
        }
        out += Array("},\"examples\":[".utf8)
        if let version = summary.version {
            for (index, example) in try await log.shadowDifferences(version: version, limit: 20).enumerated() {
                if index > 0 { out.append(UInt8(ascii: ",")) }
                out += Array("{\"declaration\":".utf8)
                out.append(jsonString: example.key.declarationID)
                out += Array(",\"declarant\":".utf8)
                out.append(jsonString: example.key.declarant)
                out += Array(",\"live\":".utf8)
                out.append(jsonString: example.liveLane)
                out += Array(",\"shadow\":".utf8)
                out.append(jsonString: example.shadowLane)
                out += Array(",\"decision\":".utf8)
                out += Array(example.payload.utf8)
                out.append(UInt8(ascii: "}"))
            }
        }
        out += Array("]}\n".utf8)
        return Self.json(.ok, out)
    }

    private static func bundle(_ request: Request) async throws -> ProfileBundle {
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
        do {
            return try ProfileBundle(files: files)
        } catch {
            throw invalid(error)
        }
    }

    private struct Upload: Decodable { var files: [String: String] }
    private struct Restore: Decodable { var version: String }

    private static func answer(_ change: () async throws -> StoredProfileChange) async throws -> Response {
        do {
            var out: [UInt8] = []
            append(try await change(), to: &out)
            out.append(UInt8(ascii: "\n"))
            return json(.ok, out)
        } catch ProfileManager.Refusal.invalid(let error) {
            throw invalid(error)
        } catch ProfileManager.Refusal.busy {
            throw ServiceError(.conflict, code: "profile.busy", "another profile change is being made; try again")
        } catch ProfileManager.Refusal.unknownVersion(let version) {
            throw ServiceError(.notFound, code: "profile.unknown-version", "no recorded change put \(version) in force")
        }
    }

    private static func invalid(_ error: ProfileError) -> ServiceError {
        ServiceError(
            .unprocessableContent, code: "profile.invalid",
            "the profile has \(error.errors.count) error(s); the version in force keeps serving:\n"
                + error.issues.map(\.description).joined(separator: "\n"))
    }

    /// `{"version":…,"previous":…,"changed_at":…,"changed_by":…,"summary":…}`
    private static func append(_ change: StoredProfileChange, to out: inout [UInt8]) {
        out += Array("{\"version\":".utf8)
        out.append(jsonString: change.version)
        out += Array(",\"previous\":".utf8)
        out.append(jsonString: change.previousVersion)
        out += Array(",\"changed_at\":\(change.changedAt),\"changed_by\":".utf8)
        out.append(jsonString: change.changedBy)
        out += Array(",\"summary\":".utf8)
        out.append(jsonString: change.summary)
        out.append(UInt8(ascii: "}"))
    }

    private static func json(_ status: HTTPResponse.Status, _ bytes: [UInt8]) -> Response {
        Response(
            status: status, headers: [.contentType: "application/json"],
            body: .init(byteBuffer: ByteBuffer(bytes: bytes)))
    }
}
