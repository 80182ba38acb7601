import FastReleaseCore
import Hummingbird
import Logging

/// Finds the caller from `Authorization: Bearer <token>`; routes then ask for a role.
///
/// Unknown tokens are refused here (401); a request without a token goes on unauthenticated,
/// for the public endpoints. Tokens are compared in constant time and never logged: the
/// logger gets the holder's name (`auth.caller`).
struct AuthenticationMiddleware: RouterMiddleware {
    typealias Context = ServiceRequestContext

    let tokens: [AccessToken]
    /// `auth.open`: treat requests without a token as an operator (development only).
    let open: Bool

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws
        -> Response
    {
        var context = context
        if let header = request.headers[.authorization] {
            guard header.hasPrefix("Bearer "), let token = match(String(header.dropFirst("Bearer ".count))) else {
                throw ServiceError.unauthorized()
            }
            context.caller = token
            context.logger[metadataKey: "auth.caller"] = "\(token.name)"
        } else if open {
            context.caller = AccessToken(role: .operator, name: "anonymous", token: "")
        }
        return try await next(request, context)
    }

    private func match(_ presented: String) -> AccessToken? {
        let presentedBytes = Array(presented.utf8)
        var found: AccessToken?
        for token in tokens {
            let expected = Array(token.token.utf8)
            var difference = UInt8(presentedBytes.count == expected.count ? 0 : 1)
            for index in 0..<expected.count {
                difference |= expected[index] ^ (index < presentedBytes.count ? presentedBytes[index] : 0)
            }
            if difference == 0 { found = token }
        }
        return found
    }
}
