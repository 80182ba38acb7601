import FastReleaseCore
import FastReleaseStore
import Hummingbird

/// `GET /v1/decisions/{id}[?declarant=CODE]`: the decision in force for a declaration, as it
/// was answered, with its history.
///
/// `id` is a declaration id (CEB `copNo`, WCO LRN) or the MRN FastRelease gave a WCO
/// declaration. The answer is the newest revision's payload with members added (``DecisionInForce``);
/// with `Accept: application/xml`, a receipt of the decision in force in the gateway's language
/// (after laboratory results, the goods' new status). A gateway (a trader's system) is answered
/// with the decision in force as the trader may see it (``TraderAnswer``), without its history.
/// 404 when none is stored; 409 when several declarants used the id and none was named.
struct DecisionRoutes {
    let log: any DecisionLog

    func register(on router: RouteTable) {
        router.get("/v1/decisions/:id") { request, context in
            try context.require(anyOf: [.viewer, .gateway])
            let id = try context.parameters.require("id")
            let declarant = request.uri.queryParameters["declarant"].map(String.init)
            let history = try await DecisionLookup(log: log).revisions(
                of: id, declarant: declarant, hint: "?declarant=CODE")
            let current = history.last!
            let inspections = try await log.inspections(declarationID: current.key.declarationID).filter {
                $0.decision.declarant == current.key.declarant
            }
            let verdict = DecisionLookup.verdict(of: current, inspections: inspections)
            if ReceiptResponse.wanted(request.headers[.accept]) {
                // The status in the gateway's own language: a receipt of the decision in force.
                return try ReceiptResponse.make(current, verdict: verdict, status: .ok)
            }
            if AnswerView(context) == .trader {
                var body: [UInt8] = []
                AnswerEncoding.line(
                    .decision(AnsweredDecision(stored: current, replay: false, verdict: verdict)), view: .trader,
                    into: &body)
                return Response(
                    status: .ok, headers: [.contentType: "application/json"],
                    body: .init(byteBuffer: ByteBuffer(bytes: body)))
            }
            return try JSONResponse.make(
                try DecisionInForce(history: history, inspections: inspections.map(\.payload), verdict: verdict))
        }
    }
}
