import FastReleaseCore
import FastReleaseStore
import Foundation
import Hummingbird
import Logging
import NIOCore

/// `GET /v1/decisions/{id}[?declarant=CODE]`: the decision in force for a declaration, as it
/// was answered, with its history.
///
/// `id` is a declaration id (CEB `copNo`, WCO LRN) or the MRN FastRelease gave a WCO
/// declaration. The answer is the newest revision's stored payload with members added:
/// `reference` (the MRN, if any), `status` (`current`, or `withdrawn` after a cancellation),
/// `history`, every revision oldest first with its function, lane, time and status
/// (`superseded`, `current`, `withdrawn`), and `inspections`, the inspection results recorded
/// for it (`POST /v1/inspections`). 404 when none is stored; 409 when several declarants used
/// the id and none was named.
struct DecisionRoutes {
    let log: any DecisionLog

    func register(on router: Router<ServiceRequestContext>) {
        router.get("/v1/decisions/:id") { request, context in
            try context.require(.viewer)
            let id = try context.parameters.require("id")
            var stored = try await log.decisions(declarationID: id)
            if stored.isEmpty { stored = try await log.decisions(reference: id) }
            if let declarant = request.uri.queryParameters["declarant"].map(String.init) {
                stored = stored.filter { $0.key.declarant == declarant }
            }
            guard let current = stored.last else {
                throw ServiceError(.notFound, code: "decision.not-found", "no decision is stored for declaration \(id)")
            }
            let declarants = Set(stored.map(\.key.declarant))
            guard declarants.count == 1 else {
                throw ServiceError(
                    .conflict, code: "decision.ambiguous",
                    "declarants \(declarants.sorted().joined(separator: ", ")) each sent a declaration \(id); add ?declarant=CODE"
                )
            }
            let inspections = try await log.inspections(declarationID: current.key.declarationID).filter {
                $0.decision.declarant == current.key.declarant
            }
            return Response(
                status: .ok, headers: [.contentType: "application/json"],
                body: .init(
                    byteBuffer: ByteBuffer(
                        bytes: Self.record(current: current, history: stored, inspections: inspections))))
        }
    }

    /// The current payload with `reference`, `status`, `history` and `inspections` added.
    static func record(current: StoredDecision, history: [StoredDecision], inspections: [StoredInspection]) -> [UInt8] {
        let withdrawn = current.function == DeclarationFunction.cancellation.rawValue
        var out = Array(current.payload.utf8)
        out.removeLast()  // the closing brace
        if !current.reference.isEmpty {
            out += Array(",\"reference\":".utf8)
            out.append(jsonString: current.reference)
        }
        out += Array(",\"status\":\"\(withdrawn ? "withdrawn" : "current")\",\"history\":[".utf8)
        for (index, revision) in history.enumerated() {
            if index > 0 { out.append(UInt8(ascii: ",")) }
            ChangeResolver.appendSummary(of: revision, to: &out)
            out.removeLast()
            let status =
                index < history.count - 1 ? "superseded" : withdrawn ? "withdrawn" : "current"
            out += Array(",\"status\":\"\(status)\"}".utf8)
        }
        out += Array("],\"inspections\":[".utf8)
        for (index, inspection) in inspections.enumerated() {
            if index > 0 { out.append(UInt8(ascii: ",")) }
            out += Array(inspection.payload.utf8)
        }
        out += Array("]}\n".utf8)
        return out
    }
}
