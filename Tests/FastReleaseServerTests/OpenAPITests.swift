import FastReleaseServer
import FastReleaseTestSupport
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NIOCore
import Testing

@Suite("The OpenAPI document")
struct OpenAPITests {
    private let contract = OpenAPIContract.repository

    @Test func theServedDocumentIsTheFileInTheRepository() async throws {
        let file = try String(contentsOf: Fixtures.openAPIDocument, encoding: .utf8)
        let harness = try ServiceHarness()
        let (app, _) = try harness.make()
        try await app.test(.router) { client in
            let served = try await client.checked(uri: "/openapi.yaml", method: .get)
            #expect(served.status == .ok)
            #expect(served.headers[.contentType] == "application/yaml")
            #expect(
                String(buffer: served.body) == file,
                "docs/openapi.yaml changed: run scripts/embed-files.py to build the new document in")
        }
    }

    @Test func theRoutesAndTheDocumentAgreeBothWays() throws {
        let harness = try ServiceHarness()
        let (_, parts) = try harness.make()
        let served = Set(parts.routes)
        let documented = Set(contract.operations.map { "\($0.method) \($0.path)" })
        #expect(served.count == parts.routes.count, "a route is registered twice")
        #expect(served.subtracting(documented).isEmpty, "routes the document lacks")
        #expect(documented.subtracting(served).isEmpty, "documented operations no route serves")
        #expect(served.count >= 19)
    }

    /// Every role is refused (403) exactly where `x-fastrelease-roles` leaves it out; public
    /// operations answer without a token, and the others refuse a request without one (401).
    @Test func everyRoleIsAllowedExactlyWhatTheDocumentSays() async throws {
        let tokens = [
            "gateway": TestTokens.gateway, "operator": TestTokens.operator, "viewer": TestTokens.viewer,
            "laboratory": TestTokens.laboratory, "inspector": TestTokens.inspector,
        ]
        let harness = try ServiceHarness()
        let (app, _) = try harness.make()
        try await app.test(.router) { client in
            for operation in contract.operations {
                let uri = operation.path.replacingOccurrences(of: "{id}", with: "NO-SUCH-DECLARATION")
                    .replacingOccurrences(of: "{file}", with: "lots.csv")
                let method = HTTPRequest.Method(rawValue: operation.method)!
                let anonymous = try await client.checked(uri: uri, method: method, body: ByteBuffer(string: "{}"))
                if operation.roles.isEmpty {
                    #expect(anonymous.status != .unauthorized && anonymous.status != .forbidden, "\(uri)")
                    continue
                }
                #expect(anonymous.status == .unauthorized, "\(operation.method) \(uri) without a token")
                for (role, token) in tokens {
                    let answer = try await client.checked(
                        uri: uri, method: method, headers: [.authorization: "Bearer \(token)"],
                        body: ByteBuffer(string: "{}"))
                    let allowed = operation.roles.contains(role)
                    #expect(
                        (answer.status == .forbidden) == !allowed,
                        "\(operation.method) \(uri) as \(role): \(answer.status.code), documented \(allowed ? "allowed" : "refused")"
                    )
                }
            }
            // A laboratory may change its own files of the state, and only those.
            #expect(!contract.laboratoryFiles.isEmpty)
            for file in contract.laboratoryFiles {
                let answer = try await client.checked(
                    uri: "/v1/state/\(file)", method: .post,
                    headers: [.authorization: "Bearer \(TestTokens.laboratory)"], body: ByteBuffer(string: "x"))
                #expect(answer.status == .badRequest, "\(file) as laboratory: \(answer.status.code)")
            }
        }
    }

    @Test func unknownPathsAndMethodsAreAnsweredInTheErrorShape() async throws {
        let harness = try ServiceHarness()
        let (app, _) = try harness.make()
        try await app.test(.router) { client in
            let unknown = try await client.checked(uri: "/v1/nothing-here", method: .get)
            #expect(unknown.status == .notFound)
            #expect(try json(unknown.body)["error"] as? [String: String] != nil)
            let method = try await client.checked(uri: "/v1/state/changes", method: .delete)
            #expect(method.status == .methodNotAllowed)
            #expect(method.headers[.allow] == "GET")
            let declarations = try await client.checked(uri: "/v1/declarations", method: .get)
            #expect(declarations.headers[.allow] == "POST")
        }
    }

    /// The checker itself finds what is wrong: a test that trusts it must know it can fail.
    @Test func theCheckerRefusesAnswersTheDocumentDoesNot() throws {
        func problems(_ uri: String, _ status: Int, _ body: String, method: String = "GET") -> [String] {
            contract.violations(
                method: method, uri: uri, status: status, contentType: "application/json", body: Data(body.utf8))
        }
        #expect(problems("/readyz", 200, #"{"ready":true,"profile":"default@1"}"#).isEmpty)
        #expect(!problems("/readyz", 200, #"{"ready":true}"#).isEmpty)  // required member missing
        #expect(!problems("/readyz", 200, #"{"ready":"yes","profile":"p"}"#).isEmpty)  // wrong type
        #expect(!problems("/readyz", 200, #"{"ready":true,"profile":"p","extra":1}"#).isEmpty)
        #expect(!problems("/readyz", 418, "{}").isEmpty)  // undocumented status
        let trader =
            #"{"replay":false,"declaration":"D","declarant":"1","message":"M","function":"original","#
            + #""lane":"document","reference":"1/D","actions":["present the documents"]}"#
        #expect(problems("/v1/decisions/D", 200, trader).isEmpty)
        // A trader's answer that gives targeting away (the score) is refused.
        #expect(!problems("/v1/decisions/D", 200, String(trader.dropLast()) + #","score":40}"#).isEmpty)
        #expect(!problems("/v1/decisions/D", 200, trader.replacingOccurrences(of: "document", with: "red")).isEmpty)
        let error = #"{"error":{"code":"auth.missing","reason":"send a token"}}"#
        #expect(problems("/v1/profile", 401, error).isEmpty)
        #expect(!problems("/v1/profile", 401, #"{"error":{"message":"no"}}"#).isEmpty)
    }
}
