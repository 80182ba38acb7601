import Hummingbird
import NIOCore

/// Answers every error in the service's one shape, `{"error": {"code": …, "reason": …}}`
/// (``ServiceError``), including those the router and Hummingbird raise themselves:
/// - a path no route serves: 404 `route.unknown`;
/// - a path served, with another method: 405 `route.method` with `Allow` naming the methods;
/// - Hummingbird's own errors (a body past a route's limit, say): their status, with a code.
struct ErrorAnswerMiddleware: RouterMiddleware {
    typealias Context = ServiceRequestContext

    /// The routes registered, read once the application serves.
    let table: RouteTable

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws
        -> Response
    {
        do {
            return try await next(request, context)
        } catch let error as HTTPError {
            throw answer(error, path: request.uri.path)
        } catch is NIOTooManyBytesError {
            // A body read with `collect(upTo:)` past its bound; Hummingbird would answer 413 empty.
            throw ServiceError(.contentTooLarge, code: "request.too-large", "the request body is too large")
        }
    }

    private func answer(_ error: HTTPError, path: String) -> ServiceError {
        guard error.status == .notFound else {
            let code = error.status == .contentTooLarge ? "request.too-large" : "request.\(error.status.code)"
            return ServiceError(
                error.status, code: code, error.body ?? error.status.reasonPhrase, headers: error.headers)
        }
        let methods = table.methods(servingPath: path)
        guard !methods.isEmpty else {
            return ServiceError(
                .notFound, code: "route.unknown", "no endpoint serves \(path); GET /openapi.yaml lists them")
        }
        let allowed = methods.joined(separator: ", ")
        return ServiceError(
            .methodNotAllowed, code: "route.method", "\(path) answers \(allowed) only",
            headers: [.allow: allowed])
    }
}
