import FastReleaseCore
public import Hummingbird
import NIOCore

/// An HTTP error answered as `{"error": {"code": …, "reason": …}}`, with what to do.
public struct ServiceError: HTTPResponseError, Sendable, CustomStringConvertible {
    /// The HTTP status.
    public var status: HTTPResponse.Status
    /// A stable code such as `auth.missing` or `request.too-large`.
    public var code: String
    /// What went wrong and what to do.
    public var reason: String
    /// Extra headers (`Retry-After`, `WWW-Authenticate`).
    public var headers: HTTPFields

    /// Creates an error.
    public init(_ status: HTTPResponse.Status, code: String, _ reason: String, headers: HTTPFields = [:]) {
        self.status = status
        self.code = code
        self.reason = reason
        self.headers = headers
    }

    public var description: String { "\(status.code) \(code): \(reason)" }

    public func response(from request: Request, context: some RequestContext) throws -> Response {
        try JSONResponse.make(Body(error: .init(code: code, reason: reason)), status: status, headers: headers)
    }

    /// `{"error": {"code": …, "reason": …}}`.
    private struct Body: Encodable {
        struct Inner: Encodable {
            let code: String
            let reason: String
        }
        let error: Inner
    }

    /// 401: no or unknown token.
    static func unauthorized() -> ServiceError {
        ServiceError(
            .unauthorized, code: "auth.missing", "send `Authorization: Bearer <token>` with a token from auth.tokens",
            headers: [.wwwAuthenticate: "Bearer realm=\"fastrelease\""])
    }

    /// 503 with `Retry-After`: the work queue is full.
    static func overloaded() -> ServiceError {
        ServiceError(
            .serviceUnavailable, code: "service.overloaded",
            "every worker is busy and the queue is full; nothing of this request was decided, send it again",
            headers: [.retryAfter: "1"])
    }
}
