import Hummingbird

/// The router the routes register on, keeping a list of what they registered.
///
/// The list is what the OpenAPI document is checked against, both ways: every route it holds is
/// documented, and every documented operation is one of them.
final class RouteTable: RouterMethods, @unchecked Sendable {
    typealias Context = ServiceRequestContext

    /// The router every route goes to.
    let router: Router<ServiceRequestContext>
    /// `METHOD /path/{parameter}` for each route, in registration order. Written only while the
    /// application is being made, before it serves.
    private(set) var routes: [String] = []

    init(_ router: Router<ServiceRequestContext>) { self.router = router }

    @discardableResult func on<Responder: HTTPResponder>(
        _ path: RouterPath, method: HTTPRequest.Method, responder: Responder
    ) -> Self where Responder.Context == Context {
        routes.append("\(method.rawValue) \(path)")  // `{file}` for `:file`, as OpenAPI writes it
        router.on(path, method: method, responder: responder)
        return self
    }

    /// The methods of the routes that serve `path`, in registration order; empty when none does.
    ///
    /// As the router does, a literal segment is preferred to a `{parameter}` (which matches any
    /// one segment): `/v1/state/changes` is served by `GET /v1/state/changes` only, not by
    /// `POST /v1/state/{file}`.
    func methods(servingPath path: String) -> [String] {
        let segments = path.split(separator: "/", omittingEmptySubsequences: false)
        let matching = routes.compactMap { route -> (method: Substring, literals: [Bool], template: Substring)? in
            let parts = route.split(separator: " ", maxSplits: 1)
            let template = parts[1].split(separator: "/", omittingEmptySubsequences: false)
            guard template.count == segments.count else { return nil }
            var literals: [Bool] = []
            for (part, segment) in zip(template, segments) {
                let isParameter = part.hasPrefix("{")
                guard isParameter ? !segment.isEmpty : part == segment else { return nil }
                literals.append(!isParameter)
            }
            return (parts[0], literals, parts[1])
        }
        guard let best = matching.max(by: { $0.literals.lexicographicallyPrecedes($1.literals) { !$0 && $1 } })
        else { return [] }
        return matching.filter { $0.template == best.template }.map { String($0.method) }
    }

    @discardableResult func add(middleware: any MiddlewareProtocol<Request, Response, Context>) -> Self {
        router.add(middleware: middleware)
        return self
    }
}
