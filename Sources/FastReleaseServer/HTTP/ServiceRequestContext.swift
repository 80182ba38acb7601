public import Hummingbird

/// The request context of the FastRelease service: Hummingbird's core context plus the caller.
public struct ServiceRequestContext: RequestContext {
    public var coreContext: CoreRequestContextStorage
    /// The token the caller presented, once authenticated.
    public var caller: AccessToken?

    public init(source: ApplicationRequestContextSource) {
        coreContext = .init(source: source)
        caller = nil
    }

    /// Throws 401 unless a caller is known, 403 unless their role grants `role`.
    public func require(_ role: Role) throws(ServiceError) {
        try require(anyOf: [role])
    }

    /// Throws 401 unless a caller is known, 403 unless their role grants one of `roles`.
    public func require(anyOf roles: [Role]) throws(ServiceError) {
        guard let caller else { throw ServiceError.unauthorized() }
        guard roles.contains(where: caller.role.grants) else {
            let needed = roles.map(\.rawValue).joined(separator: " or ")
            throw ServiceError(
                .forbidden, code: "auth.forbidden",
                "this needs the \(needed) role; the token of \(caller.name) has the \(caller.role.rawValue) role")
        }
    }
}
