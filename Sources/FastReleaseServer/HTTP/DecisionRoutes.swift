import FastReleaseCore
import FastReleaseStore
import Foundation
import Hummingbird
import Logging
import NIOCore

/// `GET /v1/decisions/{id}[?declarant=CODE]`: a stored decision, as it was answered.
///
/// 404 when none is stored; 409 when several declarants used the id and none was named.
struct DecisionRoutes {
    let log: any DecisionLog

    func register(on router: Router<ServiceRequestContext>) {
        router.get("/v1/decisions/:id") { request, context in
            try context.require(.viewer)
            let id = try context.parameters.require("id")
            var stored = try await log.decisions(declarationID: id)
            if let declarant = request.uri.queryParameters["declarant"].map(String.init) {
                stored = stored.filter { $0.key.declarant == declarant }
            }
            guard let decision = stored.first else {
                throw ServiceError(.notFound, code: "decision.not-found", "no decision is stored for declaration \(id)")
            }
            guard stored.count == 1 else {
                let declarants = stored.map(\.key.declarant).joined(separator: ", ")
                throw ServiceError(
                    .conflict, code: "decision.ambiguous",
                    "declarants \(declarants) each sent a declaration \(id); add ?declarant=CODE")
            }
            return Response(
                status: .ok, headers: [.contentType: "application/json"],
                body: .init(byteBuffer: ByteBuffer(string: decision.payload + "\n")))
        }
    }
}
