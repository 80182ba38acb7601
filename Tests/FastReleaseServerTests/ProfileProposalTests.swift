import Configuration
import FastReleaseCore
import FastReleaseFiles
import FastReleaseServer
import FastReleaseTestSupport
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NIOCore
import Testing

/// Maker and checker: one operator proposes a profile change, others approve it; the example
/// cases must pass and the last day's replay is attached before anyone may.
@Suite("Profile changes need another operator's approval")
struct ProfileProposalTests {
    static func harness(approvals: Int) throws -> ServiceHarness {
        try ServiceHarness(["profile.approvals": .init(.int(approvals), isSecret: false)])
    }

    static func headers(_ token: String) -> HTTPFields {
        [.authorization: "Bearer \(token)", .contentType: "application/json"]
    }

    static func post(_ client: some TestClientProtocol, _ uri: String, as token: String) async throws -> TestResponse {
        try await client.checked(uri: uri, method: .post, headers: headers(token))
    }

    @Test func aChangeIsInForceOnlyOnceAnotherOperatorApprovesIt() async throws {
        let harness = try Self.harness(approvals: 1)
        let (app, parts) = try harness.make()
        let original = parts.profile.current.version
        try await app.test(.router) { client in
            for message in messages(uniqueID("BEFORE"), count: 4) {
                _ = try await client.checked(
                    uri: "/v1/declarations", method: .post, headers: TestTokens.bearer(TestTokens.gateway),
                    body: body(message))
            }
            let put = try await client.checked(
                uri: "/v1/profile", method: .put, headers: Self.headers(TestTokens.operator),
                body: try ProfileSwapTests.upload(try ProfileSwapTests.files(juicerWeight: 35)))
            #expect(put.status == .accepted, "\(String(buffer: put.body))")
            let proposal = try json(put.body)
            let id = try #require(proposal["id"] as? String)
            #expect(proposal["status"] as? String == "pending")
            #expect(proposal["proposed_by"] as? String == "alice")
            #expect(parts.profile.current.version == original, "nothing is in force before approval")

            // The review: the folder's example cases, all passing, and the last day replayed.
            let review = try #require(proposal["review"] as? [String: Any])
            let cases = try #require(review["cases"] as? [String: Any])
            #expect((cases["run"] as? Int ?? 0) >= 25)
            #expect(cases["passed"] as? Int == cases["run"] as? Int)
            let replay = try #require(review["replay"] as? [String: Any])
            #expect(replay["declarations"] as? Int == 4)
            let before = (replay["before"] as? [String: Any])?["lanes"] as? [String: Int] ?? [:]
            let after = (replay["after"] as? [String: Any])?["lanes"] as? [String: Int] ?? [:]
            #expect(before.values.reduce(0, +) == 4 && after.values.reduce(0, +) == 4)

            let own = try await Self.post(client, "/v1/profile/proposals/\(id)/approve", as: TestTokens.operator)
            #expect(own.status == .forbidden)
            #expect(String(buffer: own.body).contains("profile.own-change"))
            let viewer = try await Self.post(client, "/v1/profile/proposals/\(id)/approve", as: TestTokens.viewer)
            #expect(viewer.status == .forbidden)
            #expect(parts.profile.current.version == original)

            let approved = try await Self.post(client, "/v1/profile/proposals/\(id)/approve", as: TestTokens.bob)
            #expect(approved.status == .ok, "\(String(buffer: approved.body))")
            #expect(try json(approved.body)["status"] as? String == "in-force")
            #expect(parts.profile.current.version == proposal["version"] as? String)
            let again = try await Self.post(client, "/v1/profile/proposals/\(id)/approve", as: TestTokens.carol)
            #expect(again.status == .conflict)

            let history =
                try json(
                    try await client.checked(
                        uri: "/v1/profile", method: .get, headers: Self.headers(TestTokens.viewer)
                    ).body)["history"] as? [[String: Any]] ?? []
            #expect(history.first?["changed_by"] as? String == "alice, approved by bob")
            let listed =
                try json(
                    try await client.checked(
                        uri: "/v1/profile/proposals", method: .get, headers: Self.headers(TestTokens.viewer)
                    ).body)["proposals"] as? [[String: Any]] ?? []
            #expect(listed.first?["id"] as? String == id)
            #expect((listed.first?["approvals"] as? [[String: Any]])?.first?["by"] as? String == "bob")
        }
    }

    @Test func aFailingExampleCaseBlocksApproval() async throws {
        let harness = try Self.harness(approvals: 1)
        let (app, parts) = try harness.make()
        let original = parts.profile.current.version
        try await app.test(.router) { client in
            var files = try ProfileSwapTests.files(juicerWeight: 35)
            let folder = Fixtures.defaultProfile.appendingPathComponent("tests")
            let juicer = try String(
                contentsOf: folder.appendingPathComponent("12-juicer-warning-notice.yaml"), encoding: .utf8)
            files["tests/12-juicer-warning-notice.yaml"] = juicer.replacingOccurrences(
                of: "lane: inspect-release", with: "lane: release")
            let put = try await client.checked(
                uri: "/v1/profile", method: .put, headers: Self.headers(TestTokens.operator),
                body: try ProfileSwapTests.upload(files))
            #expect(put.status == .accepted)
            let proposal = try json(put.body)
            let cases = (proposal["review"] as? [String: Any])?["cases"] as? [String: Any] ?? [:]
            #expect(cases["source"] as? String == "upload")
            #expect(cases["run"] as? Int == 1 && cases["passed"] as? Int == 0)
            let id = try #require(proposal["id"] as? String)
            let approve = try await Self.post(client, "/v1/profile/proposals/\(id)/approve", as: TestTokens.bob)
            #expect(approve.status == .conflict)
            let reason = String(buffer: approve.body)
            #expect(reason.contains("profile.cases-failed") && reason.contains("12-juicer-warning-notice.yaml"))
            #expect(parts.profile.current.version == original)
        }
    }

    @Test func twoApprovalsARejectionAndARestoreFollowTheSamePath() async throws {
        let harness = try Self.harness(approvals: 2)
        let (app, parts) = try harness.make()
        let original = parts.profile.current.version
        try await app.test(.router) { client in
            let put = try await client.checked(
                uri: "/v1/profile", method: .put, headers: Self.headers(TestTokens.operator),
                body: try ProfileSwapTests.upload(try ProfileSwapTests.files(juicerWeight: 35)))
            let id = try #require(try json(put.body)["id"] as? String)
            let first = try await Self.post(client, "/v1/profile/proposals/\(id)/approve", as: TestTokens.bob)
            #expect(try json(first.body)["status"] as? String == "pending")
            #expect(parts.profile.current.version == original, "one approval of two")
            let twice = try await Self.post(client, "/v1/profile/proposals/\(id)/approve", as: TestTokens.bob)
            #expect(twice.status == .conflict)
            let second = try await Self.post(client, "/v1/profile/proposals/\(id)/approve", as: TestTokens.carol)
            #expect(try json(second.body)["status"] as? String == "in-force")
            let changed = parts.profile.current.version
            #expect(changed != original)

            // Putting the first version back is a proposal too.
            let restore = try await client.checked(
                uri: "/v1/profile/restore", method: .post, headers: Self.headers(TestTokens.bob),
                body: ByteBuffer(string: "{\"version\": \"\(original)\"}"))
            #expect(restore.status == .accepted, "\(String(buffer: restore.body))")
            let back = try #require(try json(restore.body)["id"] as? String)
            #expect(parts.profile.current.version == changed)
            for token in [TestTokens.operator, TestTokens.carol] {
                _ = try await Self.post(client, "/v1/profile/proposals/\(back)/approve", as: token)
            }
            #expect(parts.profile.current.version == original)

            // A proposal made before another change went in force cannot be approved.
            let older = try await client.checked(
                uri: "/v1/profile", method: .put, headers: Self.headers(TestTokens.operator),
                body: try ProfileSwapTests.upload(try ProfileSwapTests.files(juicerWeight: 38)))
            let olderID = try #require(try json(older.body)["id"] as? String)
            let newer = try await client.checked(
                uri: "/v1/profile", method: .put, headers: Self.headers(TestTokens.operator),
                body: try ProfileSwapTests.upload(try ProfileSwapTests.files(juicerWeight: 39)))
            let newerID = try #require(try json(newer.body)["id"] as? String)
            for token in [TestTokens.bob, TestTokens.carol] {
                _ = try await Self.post(client, "/v1/profile/proposals/\(newerID)/approve", as: token)
            }
            #expect(parts.profile.current.version == (try json(newer.body)["version"] as? String))
            _ = try await Self.post(client, "/v1/profile/proposals/\(olderID)/approve", as: TestTokens.bob)
            let stale = try await Self.post(client, "/v1/profile/proposals/\(olderID)/approve", as: TestTokens.carol)
            #expect(stale.status == .conflict && String(buffer: stale.body).contains("profile.proposal-stale"))
            #expect(parts.profile.current.version == (try json(newer.body)["version"] as? String))
            let current = parts.profile.current.version

            // A proposal turned down can no longer be approved.
            let again = try await client.checked(
                uri: "/v1/profile", method: .put, headers: Self.headers(TestTokens.operator),
                body: try ProfileSwapTests.upload(try ProfileSwapTests.files(juicerWeight: 40)))
            let turnedDown = try #require(try json(again.body)["id"] as? String)
            let reject = try await Self.post(client, "/v1/profile/proposals/\(turnedDown)/reject", as: TestTokens.bob)
            #expect(try json(reject.body)["status"] as? String == "rejected")
            let late = try await Self.post(client, "/v1/profile/proposals/\(turnedDown)/approve", as: TestTokens.carol)
            #expect(late.status == .conflict)
            #expect(parts.profile.current.version == current)
            let unknown = try await Self.post(client, "/v1/profile/proposals/P-NONE/approve", as: TestTokens.carol)
            #expect(unknown.status == .notFound)
        }
    }
}
