#if PostgreSQL
    import FastReleaseCore
    import FastReleaseFiles
    import FastReleaseServer
    import FastReleaseTestSupport
    import Foundation
    import HTTPTypes
    import HummingbirdTesting
    import NIOCore
    import Synchronization
    import Testing

    /// One profile in force for the cluster: instances on one PostgreSQL follow a change made on any
    /// of them (LISTEN/NOTIFY), and start on the store's version, not their folder's.
    @Suite("One profile in force across instances", .tags(.postgres), .needsPostgres)
    struct ClusterProfileTests {
        /// An answered declaration: when it was sent, to which instance, and the version it names.
        struct Answer: Sendable {
            let sent: ContinuousClock.Instant
            let instance: Int
            let version: String
        }

        @Test func aChangeApprovedOnOneIsInForceOnAllWithinTwoSecondsWhileRequestsFlowAndAfterARestart() async throws {
            let database = try TestPostgres.makeDatabase()
            let folderVersion = CompiledProfile(try ProfileFolder.load(Fixtures.defaultProfile.path).profile).version
            try await TestPostgres.withInstances(3, database: database, approvals: 1) { clients, parts in
                let before = parts[0].profile.current.version
                #expect(before == folderVersion, "an empty store is seeded from the folder")
                #expect(parts.allSatisfy { $0.profile.current.version == before })
                let stop = StopFlag()
                async let flowing = Self.send(to: clients, until: stop)
                try await Task.sleep(for: .milliseconds(300))

                // Proposed on the first instance, refused to its proposer on the third, approved
                // on the second.
                let put = try await clients[0].checked(
                    uri: "/v1/profile", method: .put, headers: ProfileSwapTests.operatorHeaders,
                    body: try ProfileSwapTests.upload(try ProfileSwapTests.files(juicerWeight: 35)))
                #expect(put.status == .accepted, "\(String(buffer: put.body))")
                let id = try #require(try json(put.body)["id"] as? String)
                let own = try await ProfileProposalTests.post(
                    clients[2], "/v1/profile/proposals/\(id)/approve", as: TestTokens.operator)
                #expect(own.status == .forbidden)

                // A proposal whose example case fails cannot be approved on any instance.
                var failing = try ProfileSwapTests.files(juicerWeight: 40)
                failing["tests/always-hold.yaml"] =
                    "name: a case that fails\ndeclaration: {id: X-1, items: [{hs: \"8509400000\", value: 1}]}\n"
                    + "expect: {lane: hold}\n"
                let blocked = try await clients[2].checked(
                    uri: "/v1/profile", method: .put, headers: ProfileSwapTests.operatorHeaders,
                    body: try ProfileSwapTests.upload(failing))
                let blockedID = try #require(try json(blocked.body)["id"] as? String)
                let refused = try await ProfileProposalTests.post(
                    clients[0], "/v1/profile/proposals/\(blockedID)/approve", as: TestTokens.bob)
                #expect(refused.status == .conflict && String(buffer: refused.body).contains("profile.cases-failed"))
                #expect(parts.allSatisfy { $0.profile.current.version == before })
                let approved = try await ProfileProposalTests.post(
                    clients[1], "/v1/profile/proposals/\(id)/approve", as: TestTokens.bob)
                #expect(approved.status == .ok, "\(String(buffer: approved.body))")
                let changed = ContinuousClock.now
                let version = try #require(try json(put.body)["version"] as? String)
                #expect(version != before)
                var everywhere: ContinuousClock.Instant?
                while everywhere == nil, ContinuousClock.now - changed < .seconds(10) {
                    if parts.allSatisfy({ $0.profile.current.version == version }) { everywhere = .now }
                    try await Task.sleep(for: .milliseconds(10))
                }
                let inForce = try #require(everywhere, "the other instances never took \(version)")
                #expect(inForce - changed < .seconds(2), "in force everywhere after \(inForce - changed)")

                // Requests go on until every instance has answered one sent after the change (a
                // busy machine can take a while), and at least half a second.
                try await Task.sleep(for: .milliseconds(500))
                while !stop.allAnswered(clients.count, sentAfter: inForce), ContinuousClock.now - inForce < .seconds(20)
                {
                    try await Task.sleep(for: .milliseconds(50))
                }
                stop.stop()
                let answers = try await flowing
                #expect(answers.contains { $0.version == before }, "requests were flowing before the change")
                let after = answers.filter { $0.sent > inForce }
                #expect(Set(after.map(\.instance)) == [0, 1, 2], "each instance answered after the change")
                let stale = after.filter { $0.version != version }
                #expect(stale.isEmpty, "decisions after the change with another version: \(stale.count)")
                for client in clients {
                    let profile = try json(
                        try await client.checked(
                            uri: "/v1/profile", method: .get, headers: [.authorization: "Bearer \(TestTokens.viewer)"]
                        ).body)
                    #expect(profile["version"] as? String == version)
                }

                // A new instance started from the same folder comes up on the version in force.
                try await TestPostgres.withInstances(1, database: database) { _, restarted in
                    #expect(restarted[0].profile.current.version == version)
                }
            }
            // And so does the whole cluster when all of it restarts.
            try await TestPostgres.withInstances(2, database: database) { _, parts in
                #expect(Set(parts.map(\.profile.current.version)).count == 1)
                #expect(parts[0].profile.current.version != folderVersion)
            }
        }

        @Test func aShadowCandidateStartedOnOneRunsOnAllAndIsCountedAcrossThem() async throws {
            let database = try TestPostgres.makeDatabase()
            try await TestPostgres.withInstances(2, database: database) { clients, parts in
                let started = try await clients[0].checked(
                    uri: "/v1/profile/shadow", method: .put, headers: ProfileSwapTests.operatorHeaders,
                    body: try ProfileSwapTests.upload(try ProfileSwapTests.files(juicerWeight: 35)))
                let candidate = try #require(try json(started.body)["shadow"] as? String)
                let begun = ContinuousClock.now
                while parts[1].service.shadow.candidate?.version != candidate,
                    ContinuousClock.now - begun < .seconds(10)
                {
                    try await Task.sleep(for: .milliseconds(10))
                }
                #expect(parts[1].service.shadow.candidate?.version == candidate)
                #expect(ContinuousClock.now - begun < .seconds(2), "the other instance runs the candidate within 2 s")
                for (index, client) in clients.enumerated() {
                    _ = try await client.checked(
                        uri: "/v1/declarations", method: .post, headers: TestTokens.bearer(TestTokens.operator),
                        body: body(cebMessage((0..<3).map { inventory(uniqueID("SHADOW-\(index)-\($0)")) }.joined())))
                }
                for client in clients {
                    let comparison = try await ProfileSwapTests.shadowComparison(client, compared: 6)
                    #expect(comparison["compared"] as? Int == 6, "both instances' declarations are counted")
                }
                _ = try await clients[1].checked(
                    uri: "/v1/profile/shadow", method: .delete, headers: ProfileSwapTests.operatorHeaders)
                let stopping = ContinuousClock.now
                while parts[0].service.shadow.candidate != nil, ContinuousClock.now - stopping < .seconds(10) {
                    try await Task.sleep(for: .milliseconds(10))
                }
                #expect(parts[0].service.shadow.candidate == nil, "stopped on one, stopped on all")
            }
        }

        /// Tells the senders to stop.
        final class StopFlag: Sendable {
            private let stopped = Atomic<Bool>(false)
            private let answered = Mutex<[Int: ContinuousClock.Instant]>([:])
            var isStopped: Bool { stopped.load(ordering: .relaxed) }
            func stop() { stopped.store(true, ordering: .relaxed) }
            /// Notes that `instance` answered a request sent at `sent`.
            func note(_ instance: Int, sent: ContinuousClock.Instant) {
                answered.withLock { $0[instance] = max($0[instance] ?? sent, sent) }
            }
            /// Whether every one of `instances` has answered a request sent after `time`.
            func allAnswered(_ instances: Int, sentAfter time: ContinuousClock.Instant) -> Bool {
                answered.withLock { latest in (0..<instances).allSatisfy { (latest[$0] ?? time) > time } }
            }
        }

        /// Sends one-declaration messages to every instance, one sender each, until `stop`.
        static func send(to clients: [any TestClientProtocol], until stop: StopFlag) async throws -> [Answer] {
            try await withThrowingTaskGroup(of: [Answer].self) { senders in
                for (instance, client) in clients.enumerated() {
                    senders.addTask {
                        var answers: [Answer] = []
                        while !stop.isStopped, !Task.isCancelled {
                            let sent = ContinuousClock.now
                            let response = try await client.checked(
                                uri: "/v1/declarations", method: .post, headers: TestTokens.bearer(TestTokens.operator),
                                body: body(cebMessage(inventory(uniqueID("FLOW-\(instance)")))))
                            let decisions = try json(response.body)["decisions"] as? [[String: Any]] ?? []
                            answers += decisions.map {
                                Answer(sent: sent, instance: instance, version: $0["profile"] as? String ?? "")
                            }
                            if !decisions.isEmpty { stop.note(instance, sent: sent) }
                        }
                        return answers
                    }
                }
                return try await senders.reduce(into: []) { $0 += $1 }
            }
        }
    }
#endif
