import FastReleaseCore
import FastReleaseXML
import Hummingbird
import NIOCore

/// A stored decision answered as a receipt in the gateway's own language, when the caller's
/// `Accept` asks for XML.
enum ReceiptResponse {
    /// Whether `accept` asks for XML (`application/xml` or `text/xml`).
    static func wanted(_ accept: String?) -> Bool {
        AcceptHeader.names(accept, "application/xml") || AcceptHeader.names(accept, "text/xml")
    }

    /// The receipt of `stored` (with what laboratory results made of the goods since, if any),
    /// in the language of its declaration's format.
    static func make(_ stored: StoredDecision, verdict: LabVerdict?, status: HTTPResponse.Status) throws -> Response {
        let answer = AnsweredDecision(stored: stored, replay: true, verdict: verdict)
        let language = ReceiptLanguage(format: try stored.decodedPayload().format)
        return Response(
            status: status, headers: [.contentType: "application/xml"],
            body: .init(byteBuffer: ByteBuffer(bytes: language.document([.decision(answer)]))))
    }
}
