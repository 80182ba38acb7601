import Configuration
import FastReleaseCore
import FastReleaseServer
import FastReleaseStore
import FastReleaseTestSupport
import FastReleaseXML
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NIOCore
import Testing

/// A request body that parses as one message is decided whole, without being cut into messages
/// first; any other body is cut and its messages admitted and decided one by one, as before.
@Suite("Whole request bodies")
struct WholeBodyTests {
    static let receivedAt = CivilTime(year: 2026, month: 11, day: 16, hour: 9)!

    /// The engine decides a whole body of one message, and leaves one of two messages
    /// undecided (`nil`) with its worker and its place free again.
    @Test func theEngineDecidesOneMessageWholeAndLeavesTwo() async throws {
        let engine = try AdmissionTests.engine(workers: 1, queueDepth: 0, watching: AdmissionTests.DeepestQueue())
        let id = uniqueID("WHOLE")
        let one = Array(("\n\n" + cebMessage(inventory("\(id)-1") + inventory("\(id)-2"))).utf8)
        let frame = try #require(MessageFrame.whole(one, source: "request", sequence: 0, severalMessages: .leave))
        #expect(frame.startLine == 3, "the message starts after the two blank lines")
        let admission = try #require(engine.admit(1))
        let records = try #require(
            try await engine.submitWhole(frame, receivedAt: Self.receivedAt, admission: admission))
        #expect(records.map(\.declarationID) == ["\(id)-1", "\(id)-2"])

        // Two messages, the second without an XML declaration: only a parse tells where the first ends.
        let two = Array((cebMessage(inventory("\(id)-3")) + cebMessage(inventory("\(id)-4"), prolog: "")).utf8)
        let both = try #require(MessageFrame.whole(two, source: "request", sequence: 0, severalMessages: .leave))
        let second = try #require(engine.admit(1))
        #expect(try await engine.submitWhole(both, receivedAt: Self.receivedAt, admission: second) == nil)
        #expect(engine.admit(1) != nil, "the worker is idle again")

        // The command line's files are cut by the decoder instead.
        let cut = try #require(MessageFrame.whole(two, source: "file.xml", sequence: 0))
        #expect(
            try await engine.submit(cut, receivedAt: Self.receivedAt).map(\.declarationID) == ["\(id)-3", "\(id)-4"])
        #expect(MessageFrame.whole(Array(" \n\t\r\n".utf8), source: "request", sequence: 0) == nil)
    }

    /// Bodies of several messages without XML declarations are answered whole and in order;
    /// past the queue's room they are refused as before, counted message by message.
    @Test func severalMessagesAreCutAdmittedAndDecidedAsBefore() async throws {
        let harness = try ServiceHarness([
            "engine.workers": .init(.int(1), isSecret: false), "engine.queueDepth": .init(.int(1), isSecret: false),
        ])
        let (app, _) = try harness.make()
        let id = uniqueID("CUT")
        let bare: @Sendable (String) -> String = { cebMessage(inventory($0), prolog: "") }
        try await app.test(.router) { client in
            let three = try await client.checked(
                uri: "/v1/declarations", method: .post, headers: TestTokens.bearer(TestTokens.operator),
                body: body(bare("\(id)-1") + bare("\(id)-2") + bare("\(id)-3")))
            #expect(three.status == .serviceUnavailable, "one worker and one place do not take three messages")
            let two = try await client.checked(
                uri: "/v1/declarations", method: .post, headers: TestTokens.bearer(TestTokens.operator),
                body: body("\n" + bare("\(id)-4") + "\n<!-- between -->\n" + bare("\(id)-5")))
            #expect(two.status == .ok)
            let answer = try json(two.body)
            #expect(
                (answer["decisions"] as? [[String: Any]])?.map { $0["declaration"] as? String } == [
                    "\(id)-4", "\(id)-5",
                ])
        }
        #expect(try await harness.log.count() == 2)
    }

    /// A broken declaration in a one-message body: the others are decided, and the error is
    /// the one the same message gives when the body holds another after it (and is cut into
    /// messages first), its line counted from the top of the body, blank lines included.
    @Test func errorsInAOneMessageBodyAreThoseOfACutBody() async throws {
        let harness = try ServiceHarness()
        let (app, _) = try harness.make()
        let id = uniqueID("LINE")
        let broken = inventory("\(id)-2").replacingOccurrences(of: "</ceb:gname>", with: "</ceb:gnam>")
        let message = "\n\n\n" + cebMessage(inventory("\(id)-1") + broken)
        try await app.test(.router) { client in
            var errors: [[String: Any]] = []
            for (index, text) in [message, message + cebMessage(inventory("\(id)-3"))].enumerated() {
                let response = try await client.checked(
                    uri: "/v1/declarations", method: .post, headers: TestTokens.bearer(TestTokens.operator),
                    body: body(text))
                #expect(response.status == .badRequest)
                let answer = try json(response.body)
                #expect(
                    (answer["decisions"] as? [[String: Any]])?.map { $0["declaration"] as? String }
                        == (index == 0 ? ["\(id)-1"] : ["\(id)-1", "\(id)-3"]))
                errors.append(try #require((answer["errors"] as? [[String: Any]])?.first))
            }
            #expect(errors[0]["declaration"] as? String == "\(id)-2")
            #expect((errors[0]["line"] as? Int ?? 0) > 20)
            for key in ["declaration", "code", "line", "column", "reason"] {
                #expect("\(errors[0][key] ?? "-")" == "\(errors[1][key] ?? "-")", "\(key)")
            }
        }
    }
}

extension DecisionRecord {
    /// The declaration a record answers.
    fileprivate var declarationID: String {
        switch self {
        case .decision(let decision): decision.declarationID
        case .change(let change, _): change.id
        case .error(let error): error.declarationID
        }
    }
}
