#if PostgreSQL
    import FastReleaseStore
    import FastReleaseTestSupport
    import Foundation
    import HTTPTypes
    import Hummingbird
    import HummingbirdTesting
    import Logging
    import NIOCore
    import Testing

    @Suite("Two instances on one PostgreSQL", .tags(.postgres, .load), .timeLimit(.minutes(3)))
    struct TwoInstanceTests {
        @Test(.tags(.postgres), .needsPostgres)
        func theSameDeclarationsSentToBothAtOnceGetOneDecisionEach() async throws {
            let (first, second) = (try TestPostgres.makeLog("instance-1"), try TestPostgres.makeLog("instance-2"))
            let prefix = uniqueID("PG2")
            let bodies = (0..<40).map { number in
                cebMessage(inventory("\(prefix)-\(number)-a") + inventory("\(prefix)-\(number)-b"))
            }
            try await withThrowingTaskGroup(of: Void.self) { pools in
                pools.addTask { try await first.run() }
                pools.addTask { try await second.run() }
                try await first.prepare()
                try await second.prepare()
                let (appOne, _) = try ServiceHarness(log: first).make()
                let (appTwo, _) = try ServiceHarness(log: second).make()
                let bodiesAnswered = try await appOne.test(.router) { one in
                    try await appTwo.test(.router) { two in
                        try await withThrowingTaskGroup(of: ByteBuffer.self) { requests in
                            for body in bodies {
                                for client in [one, two] as [any TestClientProtocol] {
                                    requests.addTask {
                                        let response = try await client.checked(
                                            uri: "/v1/declarations", method: .post,
                                            headers: TestTokens.bearer(TestTokens.gateway),
                                            body: ByteBuffer(string: body))
                                        #expect(response.status == .ok)
                                        return response.body
                                    }
                                }
                            }
                            return try await requests.reduce(into: [ByteBuffer]()) { $0.append($1) }
                        }
                    }
                }
                let answers = try bodiesAnswered.flatMap { try json($0)["decisions"] as? [[String: Any]] ?? [] }
                #expect(answers.count == 160)
                let byDeclaration = Dictionary(grouping: answers) { $0["declaration"] as? String ?? "" }
                #expect(byDeclaration.count == 80)
                for (id, pair) in byDeclaration {
                    #expect(pair.count == 2)
                    #expect(
                        pair.filter { $0["replay"] as? Bool == false }.count == 1,
                        "\(id): exactly one original decision")
                    let withoutReplay = pair.map { answer in answer.filter { $0.key != "replay" } }
                    #expect(
                        NSDictionary(dictionary: withoutReplay[0]) == NSDictionary(dictionary: withoutReplay[1]),
                        "\(id): both answered the same")
                    #expect(try await first.decisions(declarationID: id).count == 1)
                }
                pools.cancelAll()
            }
        }
    }
#endif
