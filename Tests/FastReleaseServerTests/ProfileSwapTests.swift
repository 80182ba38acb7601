import FastReleaseCore
import FastReleaseFiles
import FastReleaseServer
import FastReleaseStore
import FastReleaseTestSupport
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NIOCore
import Synchronization
import Testing

/// The profile changes without a restart: checked, compiled, swapped atomically, recorded.
@Suite("Hot profile swap")
struct ProfileSwapTests {
    static let operatorHeaders: HTTPFields = [
        .authorization: "Bearer \(TestTokens.operator)", .contentType: "application/json",
    ]

    /// The default profile's files, with the juicer alert's weight changed to `weight`.
    static func files(juicerWeight weight: Int) throws -> [String: String] {
        var files = try ProfileFolder.read(Fixtures.defaultProfile.path).files
        let alerts = try #require(files["rules/alerts.yaml"])
        files["rules/alerts.yaml"] = alerts.replacingOccurrences(of: "weight: 30", with: "weight: \(weight)")
        return files
    }

    static func upload(_ files: [String: String]) throws -> ByteBuffer {
        ByteBuffer(bytes: Array(try JSONSerialization.data(withJSONObject: ["files": files])))
    }

    @Test func aNewVersionIsCheckedSwappedRecordedAndCanBePutBack() async throws {
        let harness = try ServiceHarness()
        let (app, parts) = try harness.make()
        let original = parts.profile.current.version
        try await app.test(.router) { client in
            let put = try await client.checked(
                uri: "/v1/profile", method: .put, headers: Self.operatorHeaders,
                body: try Self.upload(try Self.files(juicerWeight: 35)))
            #expect(put.status == .ok, "\(String(buffer: put.body))")
            let change = try json(put.body)
            let version = try #require(change["version"] as? String)
            #expect(version != original)
            #expect(change["previous"] as? String == original)
            #expect(change["summary"] as? String == "changed ALERT-JUICERS")
            #expect(change["changed_by"] as? String == "alice")
            #expect(parts.profile.current.version == version)

            // Decisions now carry the new version.
            let decided = try json(
                try await client.checked(
                    uri: "/v1/declarations", method: .post, headers: TestTokens.bearer(TestTokens.operator),
                    body: body(cebMessage(inventory(uniqueID("AFTER"))))
                ).body)
            #expect((decided["decisions"] as? [[String: Any]])?.first?["profile"] as? String == version)

            // An invalid profile is refused with its errors; the version in force keeps serving.
            var broken = try Self.files(juicerWeight: 35)
            broken["profile.yaml"] = broken["profile.yaml"]!.replacingOccurrences(
                of: "    document: 20", with: "    documnet: 20")
            let refused = try await client.checked(
                uri: "/v1/profile", method: .put, headers: Self.operatorHeaders, body: try Self.upload(broken))
            #expect(refused.status == .unprocessableContent)
            let reason = (try json(refused.body)["error"] as? [String: Any])?["reason"] as? String ?? ""
            #expect(reason.contains("profile.yaml:"), "\(reason)")
            #expect(reason.contains("did you mean `document`?"))
            #expect(parts.profile.current.version == version)

            // ...in Chinese for an operator whose browser or client asks for it.
            var chineseHeaders = Self.operatorHeaders
            chineseHeaders[.acceptLanguage] = "zh-CN,zh;q=0.9,en;q=0.8"
            let inChinese = try await client.checked(
                uri: "/v1/profile", method: .put, headers: chineseHeaders, body: try Self.upload(broken))
            #expect(inChinese.status == .unprocessableContent)
            let chineseReason = (try json(inChinese.body)["error"] as? [String: Any])?["reason"] as? String ?? ""
            #expect(chineseReason.hasPrefix("风险配置有 1 处错误；现行版本继续使用："), "\(chineseReason)")
            #expect(chineseReason.contains("profile.yaml:") && chineseReason.contains("是否想写 `document`？"))
            #expect(parts.profile.current.version == version)

            // A viewer cannot change it.
            let viewer = try await client.checked(
                uri: "/v1/profile", method: .put,
                headers: [.authorization: "Bearer \(TestTokens.viewer)", .contentType: "application/json"],
                body: try Self.upload(try Self.files(juicerWeight: 40)))
            #expect(viewer.status == .forbidden)

            // The first version is put back from the history... once it was recorded there.
            let unknown = try await client.checked(
                uri: "/v1/profile/restore", method: .post, headers: Self.operatorHeaders,
                body: ByteBuffer(string: "{\"version\": \"default@000000000000\"}"))
            #expect(unknown.status == .notFound)
            let back = try await client.checked(
                uri: "/v1/profile", method: .put, headers: Self.operatorHeaders,
                body: try Self.upload(try Self.files(juicerWeight: 30)))
            #expect(try json(back.body)["version"] as? String == original)
            let restored = try await client.checked(
                uri: "/v1/profile/restore", method: .post, headers: Self.operatorHeaders,
                body: ByteBuffer(string: "{\"version\": \"\(version)\"}"))
            #expect(restored.status == .ok)
            #expect(parts.profile.current.version == version)

            let history = try json(
                try await client.checked(
                    uri: "/v1/profile", method: .get, headers: [.authorization: "Bearer \(TestTokens.viewer)"]
                ).body)
            #expect(history["version"] as? String == version)
            let changes = history["history"] as? [[String: Any]] ?? []
            // Newest first; the oldest is the version in force when the service started.
            #expect(changes.map { $0["version"] as? String ?? "" } == [version, original, version, original])
            #expect(changes.map { $0["changed_by"] as? String ?? "" } == ["alice", "alice", "alice", "startup"])
        }
    }

    @Test func aRestartComesUpOnTheVersionInForceNotOnTheFolder() async throws {
        let folder = try TemporaryDirectory()
        let path = folder.url.appendingPathComponent("decisions.sqlite").path
        let (first, firstParts) = try ServiceHarness(log: try SQLiteDecisionLog(path: path)).make()
        let folderVersion = firstParts.profile.current.version
        let version = try await first.test(.router) { client in
            let put = try await client.checked(
                uri: "/v1/profile", method: .put, headers: Self.operatorHeaders,
                body: try Self.upload(try Self.files(juicerWeight: 35)))
            return try #require(try json(put.body)["version"] as? String)
        }
        #expect(version != folderVersion)

        // Started again from the same folder, on the same log: the recorded version is in force.
        let (again, parts) = try ServiceHarness(log: try SQLiteDecisionLog(path: path)).make()
        try await again.test(.router) { client in
            #expect(parts.profile.current.version == version)
            let decided = try json(
                try await client.checked(
                    uri: "/v1/declarations", method: .post, headers: TestTokens.bearer(TestTokens.operator),
                    body: body(cebMessage(inventory(uniqueID("RESTARTED"))))
                ).body)
            #expect((decided["decisions"] as? [[String: Any]])?.first?["profile"] as? String == version)
            let history =
                try json(
                    try await client.checked(
                        uri: "/v1/profile", method: .get, headers: [.authorization: "Bearer \(TestTokens.viewer)"]
                    ).body)["history"] as? [[String: Any]] ?? []
            #expect(
                history.map { $0["changed_by"] as? String ?? "" } == ["alice", "startup"], "a restart is no change")
        }
    }

    /// The shadow comparison of `client`'s instance, once it has counted `compared` declarations.
    static func shadowComparison(_ client: some TestClientProtocol, compared: Int) async throws -> [String: Any] {
        var comparison: [String: Any] = [:]
        for _ in 0..<200 {
            comparison = try json(
                try await client.checked(
                    uri: "/v1/profile/shadow", method: .get, headers: [.authorization: "Bearer \(TestTokens.viewer)"]
                ).body)
            if comparison["compared"] as? Int == compared { break }
            try await Task.sleep(for: .milliseconds(20))
        }
        return comparison
    }

    @Test func theShadowCandidateAndItsCountsSurviveARestart() async throws {
        let folder = try TemporaryDirectory()
        let path = folder.url.appendingPathComponent("decisions.sqlite").path
        let (first, _) = try ServiceHarness(log: try SQLiteDecisionLog(path: path)).make()
        let candidate = try await first.test(.router) { client in
            let started = try await client.checked(
                uri: "/v1/profile/shadow", method: .put, headers: Self.operatorHeaders,
                body: try Self.upload(try Self.files(juicerWeight: 35)))
            _ = try await client.checked(
                uri: "/v1/declarations", method: .post, headers: TestTokens.bearer(TestTokens.operator),
                body: body(cebMessage(inventory(uniqueID("SHADOW-A")) + inventory(uniqueID("SHADOW-B")))))
            #expect(try await Self.shadowComparison(client, compared: 2)["compared"] as? Int == 2)
            return try #require(try json(started.body)["shadow"] as? String)
        }
        let (again, parts) = try ServiceHarness(log: try SQLiteDecisionLog(path: path)).make()
        try await again.test(.router) { client in
            #expect(parts.service.shadow.candidate?.version == candidate, "the restarted instance runs the candidate")
            _ = try await client.checked(
                uri: "/v1/declarations", method: .post, headers: TestTokens.bearer(TestTokens.operator),
                body: body(cebMessage(inventory(uniqueID("SHADOW-C")))))
            let comparison = try await Self.shadowComparison(client, compared: 3)
            #expect(comparison["shadow"] as? String == candidate)
            #expect(comparison["compared"] as? Int == 3, "the counts before the restart are kept")
        }
    }

    @Test func aSwapUnderConcurrentRequestsFailsNoneAndMixesNoVersions() async throws {
        let harness = try ServiceHarness()
        let (app, parts) = try harness.make()
        let first = parts.profile.current.version
        let other = try ProfileBundle(files: try Self.files(juicerWeight: 45))
        let second = CompiledProfile(try other.load().profile).version
        let answered = AnsweredCount()
        try await app.test(.router) { client in
            try await withThrowingTaskGroup(of: [String]?.self) { group in
                for sender in 0..<8 {
                    group.addTask {
                        var versions: [String] = []
                        for message in 0..<15 {
                            let inventories = (0..<10).map { inventory("SWAP-\(sender)-\(message)-\($0)") }.joined()
                            let response = try await client.checked(
                                uri: "/v1/declarations", method: .post, headers: TestTokens.bearer(TestTokens.operator),
                                body: body(cebMessage(inventories)))
                            #expect(response.status == .ok)
                            let decisions = try json(response.body)["decisions"] as? [[String: Any]] ?? []
                            #expect(decisions.count == 10)
                            let used = Set(decisions.map { $0["profile"] as? String ?? "" })
                            #expect(used.count == 1, "one message, one version: \(used)")
                            versions += used
                            answered.value.add(1, ordering: .relaxed)
                        }
                        return versions
                    }
                }
                group.addTask {
                    for swap in 0..<6 {
                        // Swap while messages are being decided: after every 12 answered.
                        while answered.value.load(ordering: .relaxed) < 12 * (swap + 1) {
                            try await Task.sleep(for: .milliseconds(2))
                        }
                        let files = try Self.files(juicerWeight: swap % 2 == 0 ? 45 : 30)
                        let response = try await client.checked(
                            uri: "/v1/profile", method: .put, headers: Self.operatorHeaders,
                            body: try Self.upload(files))
                        #expect(response.status == .ok)
                    }
                    return nil
                }
                var seen = Set<String>()
                for try await versions in group { seen.formUnion(versions ?? []) }
                #expect(seen == [first, second], "both versions decided, and only they: \(seen)")
            }
        }
        #expect(try await harness.log.count() == 8 * 15 * 10)
        #expect(try await harness.log.profileChanges(limit: 100).count == 1 + 6, "the start and six swaps")
    }
}

/// How many messages the senders have had answered, shared with the swapper.
private final class AnsweredCount: Sendable {
    let value = Atomic<Int>(0)
}

/// A candidate profile decides beside the live one without changing the answers.
@Suite("Shadow mode")
struct ShadowTests {
    @Test func aCandidateIsComparedOnLiveTrafficWithoutChangingAnswers() async throws {
        let harness = try ServiceHarness()
        let (app, parts) = try harness.make()
        var files = try ProfileFolder.read(Fixtures.defaultProfile.path).files
        files["rules/alerts.yaml"] = files["rules/alerts.yaml"]!.replacingOccurrences(
            of: "    lane: inspect-release\n    valid: {from: 2026-10-01",
            with: "    lane: sample-release\n    valid: {from: 2026-10-01")
        let live = parts.profile.current.version
        let candidateFiles = files
        try await app.test(.router) { client in
            let started = try await client.checked(
                uri: "/v1/profile/shadow", method: .put, headers: ProfileSwapTests.operatorHeaders,
                body: try ProfileSwapTests.upload(candidateFiles))
            #expect(started.status == .ok, "\(String(buffer: started.body))")
            let candidate = try #require(try json(started.body)["shadow"] as? String)
            #expect(candidate != live)

            let inventories =
                (0..<3).map { inventory(uniqueID("JUICER-\($0)"), hs: "8509400000") }.joined()
                + (0..<2).map { inventory(uniqueID("LAMP-\($0)")) }.joined()
            let answer = try json(
                try await client.checked(
                    uri: "/v1/declarations", method: .post, headers: TestTokens.bearer(TestTokens.operator),
                    body: body(cebMessage(inventories))
                ).body)
            let decisions = answer["decisions"] as? [[String: Any]] ?? []
            #expect(decisions.map { $0["lane"] as? String ?? "" }.filter { $0 == "inspect-release" }.count == 3)
            #expect(decisions.allSatisfy { $0["profile"] as? String == live }, "answers come from the live profile")

            var comparison: [String: Any] = [:]
            for _ in 0..<100 {
                comparison = try json(
                    try await client.checked(
                        uri: "/v1/profile/shadow", method: .get,
                        headers: [.authorization: "Bearer \(TestTokens.viewer)"]
                    ).body)
                if (comparison["examples"] as? [Any])?.count == 3 { break }
                try await Task.sleep(for: .milliseconds(20))
            }
            #expect(comparison["shadow"] as? String == candidate)
            #expect(comparison["compared"] as? Int == 5)
            #expect(comparison["differing"] as? Int == 3)
            #expect((comparison["by_lanes"] as? [String: Int]) == ["inspect-release → sample-release": 3])
            let examples = comparison["examples"] as? [[String: Any]] ?? []
            #expect(examples.count == 3)
            #expect(examples.allSatisfy { ($0["decision"] as? [String: Any])?["profile"] as? String == candidate })

            let stopped = try await client.checked(
                uri: "/v1/profile/shadow", method: .delete, headers: ProfileSwapTests.operatorHeaders)
            #expect(try json(stopped.body)["shadow"] is NSNull)
        }
    }
}
