#if PostgreSQL
    import AsyncHTTPClient
    import FastReleaseTestSupport
    import Foundation
    import NIOCore
    import NIOHTTP1
    import Testing

    #if canImport(Glibc)
        import Glibc
    #endif

    /// Three `serve` processes on one PostgreSQL: one is killed (SIGKILL) under load; the others go on
    /// answering, every declaration answered before is durable, and the ones it never answered are
    /// decided once when the gateway sends them to another instance.
    @Suite(
        "An instance killed under load", .tags(.postgres, .process), .needsPostgres, .long, .timeLimit(.minutes(3)))
    struct ClusterFailoverTests {
        static let token = "cluster-gateway-token-000001"

        /// Sends one declaration to `port`; the decision's lane, or nil when no answer came.
        static func send(_ id: String, to port: Int, _ client: HTTPClient) async -> String? {
            var request = HTTPClientRequest(url: "http://127.0.0.1:\(port)/v1/declarations")
            request.method = .POST
            request.headers.add(name: "Authorization", value: "Bearer \(token)")
            request.headers.add(name: "Content-Type", value: "application/xml")
            request.body = .bytes(ByteBuffer(string: cebMessage(inventory(id))))
            guard let response = try? await client.execute(request, timeout: .seconds(10)), response.status == .ok,
                let body = try? await response.body.collect(upTo: 1 << 20),
                let decisions = (try? json(body))?["decisions"] as? [[String: Any]]
            else { return nil }
            return decisions.first?["lane"] as? String
        }

        @Test func theOthersGoOnAndNothingIsLost() async throws {
            let settings = try #require(TestPostgres.settings)
            let database = try TestPostgres.makeDatabase()
            let folder = try TemporaryDirectory()
            let environment = [
                "FASTRELEASE_STORE_KIND": "postgres", "FASTRELEASE_STORE_POSTGRES_HOST": settings.host,
                "FASTRELEASE_STORE_POSTGRES_PORT": "\(settings.port)", "FASTRELEASE_STORE_POSTGRES_USER": settings.user,
                "FASTRELEASE_STORE_POSTGRES_DATABASE": database,
                "FASTRELEASE_AUTH_TOKENS": "gateway:port-gateway:\(Self.token),viewer:auditor:\(Self.token)-viewer",
            ]
            let servers = try (0..<3).map {
                try ServiceProcess(
                    arguments: [], environment: environment,
                    logFile: folder.url.appendingPathComponent("serve-\($0).log"))
            }
            defer {
                for server in servers {
                    server.signal(SIGTERM)
                    _ = server.wait(timeout: 20)
                }
            }
            let client = HTTPClient(eventLoopGroupProvider: .singleton)
            let prefix = uniqueID("KILL")
            var answered: [String: Int] = [:]
            var unanswered: [String] = []
            var afterKill = 0
            for round in 0..<30 {
                let live = round < 10 ? servers : Array(servers.prefix(2))
                let ids = live.indices.map { "\(prefix)-\(round)-\($0)" }
                async let answers = withTaskGroup(of: (String, Int, String?).self) { group in
                    for (index, server) in live.enumerated() {
                        group.addTask { (ids[index], index, await Self.send(ids[index], to: server.port, client)) }
                    }
                    return await group.reduce(into: []) { $0.append($1) }
                }
                if round == 10 - 1 { servers[2].signal(SIGKILL) }  // while the last round to it is in flight
                for (id, index, lane) in await answers {
                    if lane != nil { answered[id] = index } else { unanswered.append(id) }
                    if round >= 10 { afterKill += 1 }
                }
            }
            #expect(
                answered.count + unanswered.count == 10 * 3 + 20 * 2, "every request was either answered or not")
            #expect(
                unanswered.allSatisfy { $0.hasSuffix("-2") }, "only the killed instance failed to answer: \(unanswered)"
            )
            #expect(
                (10..<30).allSatisfy { round in (0..<2).allSatisfy { answered["\(prefix)-\(round)-\($0)"] != nil } })

            // The gateway sends what went unanswered to another instance: decided once, and every
            // declaration answered before, by any instance, is in the shared log.
            for id in unanswered { #expect(await Self.send(id, to: servers[0].port, client) != nil) }
            for id in Array(answered.keys) + unanswered {
                var request = HTTPClientRequest(url: "http://127.0.0.1:\(servers[1].port)/v1/decisions/\(id)")
                request.headers.add(name: "Authorization", value: "Bearer \(Self.token)-viewer")
                let response = try await client.execute(request, timeout: .seconds(10))
                #expect(response.status == .ok, "\(id) is not in the log")
                _ = try await response.body.collect(upTo: 1 << 20)
            }
            try await client.shutdown()
        }
    }
#endif
