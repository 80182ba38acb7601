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

    /// Throws 401 unless a caller is known, 403 unless their role is at least `role`.
    public func require(_ role: Role) throws(ServiceError) {
        guard let caller else { throw ServiceError.unauthorized() }
        guard caller.role.grants(role) else {
            throw ServiceError(
                .forbidden, code: "auth.forbidden",
                "this needs the \(role.rawValue) role; the token of \(caller.name) has the \(caller.role.rawValue) role"
            )
        }
    }
}
