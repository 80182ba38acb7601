import Configuration
import FastReleaseCore
import FastReleaseServer
import FastReleaseStore
import FastReleaseTestSupport
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import InMemoryLogging
import Logging
import NIOCore
import Testing

@Suite("POST /v1/declarations")
struct DeclarationEndpointTests {
    @Test func everyDeclarationIsDecidedAndStoredBeforeTheAnswer() async throws {
        let harness = try ServiceHarness()
        let (app, _) = try harness.make()
        let id = uniqueID("ANS")
        try await app.test(.router) { client in
            let message = cebMessage(inventory("\(id)-1") + inventory("\(id)-2") + inventory("\(id)-3"))
            let response = try await client.checked(
                uri: "/v1/declarations", method: .post, headers: TestTokens.bearer(TestTokens.operator),
                body: body(message))
            #expect(response.status == .ok)
            #expect(response.headers[.contentType] == "application/json")
            let answer = try json(response.body)
            let decisions = try #require(answer["decisions"] as? [[String: Any]])
            #expect(decisions.map { $0["declaration"] as? String } == ["\(id)-1", "\(id)-2", "\(id)-3"])
            #expect(
                decisions.allSatisfy {
                    $0["replay"] as? Bool == false && $0["lane"] is String && $0["profile"] is String
                })
            #expect((answer["errors"] as? [Any])?.isEmpty == true)
        }
        #expect(try await harness.log.decisions(declarationID: "\(id)-2").count == 1)
    }

    @Test func aResentDeclarationGetsItsOriginalDecisionMarkedAsAReplay() async throws {
        let harness = try ServiceHarness()
        let (app, _) = try harness.make()
        let message = cebMessage(inventory(uniqueID("AGAIN")))
        try await app.test(.router) { client in
            let headers = TestTokens.bearer(TestTokens.operator)
            let first = try json(
                try await client.checked(uri: "/v1/declarations", method: .post, headers: headers, body: body(message))
                    .body)
            let second = try json(
                try await client.checked(uri: "/v1/declarations", method: .post, headers: headers, body: body(message))
                    .body)
            var original = try #require((first["decisions"] as? [[String: Any]])?.first)
            var replayed = try #require((second["decisions"] as? [[String: Any]])?.first)
            #expect(original.removeValue(forKey: "replay") as? Bool == false)
            #expect(replayed.removeValue(forKey: "replay") as? Bool == true)
            #expect(
                NSDictionary(dictionary: original) == NSDictionary(dictionary: replayed),
                "the same decision, timing included")
        }
        #expect(try await harness.log.count() == 1)
    }

    @Test func malformedXMLIsA400WithErrorRecordsAndTheOtherDeclarationsAreDecided() async throws {
        let harness = try ServiceHarness()
        let (app, _) = try harness.make()
        let id = uniqueID("BAD")
        let broken = inventory("\(id)-2").replacingOccurrences(of: "</ceb:gname>", with: "</ceb:gnam>")
        try await app.test(.router) { client in
            let response = try await client.checked(
                uri: "/v1/declarations", method: .post, headers: TestTokens.bearer(TestTokens.operator),
                body: body(cebMessage(inventory("\(id)-1") + broken + inventory("\(id)-3"))))
            #expect(response.status == .badRequest)
            let answer = try json(response.body)
            #expect(
                (answer["decisions"] as? [[String: Any]])?.map { $0["declaration"] as? String } == [
                    "\(id)-1", "\(id)-3",
                ])
            let errors = try #require(answer["errors"] as? [[String: Any]])
            #expect(errors.count == 1)
            #expect(errors.first?["declaration"] as? String == "\(id)-2")
            #expect(errors.first?["code"] as? String == "xml.malformed")
            #expect((errors.first?["line"] as? Int ?? 0) > 20)
        }
    }

    @Test func xmlReceiptsWhenTheGatewayAsksForXML() async throws {
        let harness = try ServiceHarness()
        let (app, _) = try harness.make()
        let id = uniqueID("XML")
        try await app.test(.router) { client in
            var headers = TestTokens.bearer(TestTokens.operator)
            headers[.accept] = "application/xml"
            let response = try await client.checked(
                uri: "/v1/declarations", method: .post, headers: headers, body: body(cebMessage(inventory(id))))
            #expect(response.status == .ok)
            #expect(response.headers[.contentType] == "application/xml")
            let text = String(buffer: response.body)
            #expect(text.hasPrefix("<?xml"))
            // A CEB621 gateway gets a CEB622 receipt (ReceiptTests checks the shapes in depth).
            #expect(text.contains("<ceb:CEB622Message"))
            #expect(text.contains("<ceb:copNo>\(id)</ceb:copNo>"))
        }
    }

    @Test func aStreamAnswersEachMessageInOrderAsNDJSON() async throws {
        let harness = try ServiceHarness(["stream.window": .init(.int(2), isSecret: false)])
        let (app, _) = try harness.make()
        let prefix = uniqueID("STREAM")
        try await app.test(.router) { client in
            var headers = TestTokens.bearer(TestTokens.operator)
            headers[.accept] = "application/x-ndjson"
            let stream = messages(prefix, count: 20).joined() + "<broken>" + cebMessage(inventory("\(prefix)-last"))
            let response = try await client.checked(
                uri: "/v1/declarations", method: .post, headers: headers, body: body(stream))
            #expect(response.status == .ok)
            #expect(response.headers[.contentType] == "application/x-ndjson")
            let lines = try jsonLines(Data(response.body.readableBytesView))
            #expect(lines.count == 22)
            #expect(lines.prefix(20).map { $0["declaration"] as? String } == (0..<20).map { "\(prefix)-\($0)" })
            #expect((lines[20]["error"] as? [String: Any])?["code"] as? String == "message.unknown")
            #expect(lines[21]["declaration"] as? String == "\(prefix)-last")
        }
    }

    @Test func tooLargeWrongTypeAndEmptyBodiesAreRefused() async throws {
        let harness = try ServiceHarness(["limits.requestBytes": .init(.int(3000), isSecret: false)])
        let (app, _) = try harness.make()
        try await app.test(.router) { client in
            let headers = TestTokens.bearer(TestTokens.operator)
            let large = try await client.checked(
                uri: "/v1/declarations", method: .post, headers: headers, body: body(messages("BIG", count: 5).joined())
            )
            #expect(large.status == .contentTooLarge)
            #expect(
                try json(large.body)["error"].map { ($0 as? [String: Any])?["code"] as? String } == "request.too-large")
            var json = headers
            json[.contentType] = "application/json"
            #expect(
                try await client.checked(uri: "/v1/declarations", method: .post, headers: json, body: body("{}")).status
                    == .unsupportedMediaType)
            #expect(
                try await client.checked(uri: "/v1/declarations", method: .post, headers: headers, body: body("  \n"))
                    .status == .badRequest)
        }
        #expect(try await harness.log.count() == 0)
    }

    @Test func aFullQueueAnswers503WithRetryAfterAndDecidesNothing() async throws {
        let harness = try ServiceHarness([
            "engine.workers": .init(.int(1), isSecret: false), "engine.queueDepth": .init(.int(1), isSecret: false),
        ])
        let (app, _) = try harness.make()
        try await app.test(.router) { client in
            let response = try await client.checked(
                uri: "/v1/declarations", method: .post, headers: TestTokens.bearer(TestTokens.operator),
                body: body(messages(uniqueID("FULL"), count: 3).joined()))
            #expect(response.status == .serviceUnavailable)
            #expect(response.headers[.retryAfter] == "1")
            let two = try await client.checked(
                uri: "/v1/declarations", method: .post, headers: TestTokens.bearer(TestTokens.operator),
                body: body(messages(uniqueID("FITS"), count: 2).joined()))
            #expect(two.status == .ok, "one worker and one queue place take two messages")
        }
        #expect(try await harness.log.count() == 2)
    }
}

func uniqueID(_ name: String) -> String { "\(name)-\(UUID().uuidString.prefix(8))" }
