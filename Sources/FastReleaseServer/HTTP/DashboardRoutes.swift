import Hummingbird
import NIOCore

/// `GET /dashboard`: the page (no data in it, so no token needed to load it), with its script
/// and style sheet at `/dashboard.js` and `/dashboard.css`;
/// `GET /v1/dashboard/data` (viewer): its figures as JSON.
struct DashboardRoutes {
    let data: DashboardData

    func register(on router: RouteTable) {
        router.get("/dashboard") { _, _ in
            Self.file(DashboardPage.html, type: "text/html; charset=utf-8")
        }
        router.get("/dashboard.js") { _, _ in
            Self.file(DashboardPage.script, type: "text/javascript; charset=utf-8")
        }
        router.get("/dashboard.css") { _, _ in
            Self.file(DashboardPage.style, type: "text/css; charset=utf-8")
        }
        router.get("/v1/dashboard/data") { _, context in
            try context.require(.viewer)
            return try JSONResponse.make(try await data.document())
        }
    }

    /// The page's policy: its own script, style sheet and data only; no inline script or style,
    /// no plug-ins, no framing.
    static let contentSecurityPolicy =
        "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; img-src 'self'; "
        + "base-uri 'none'; form-action 'none'; frame-ancestors 'none'"

    private static func file(_ text: String, type: String) -> Response {
        Response(
            status: .ok,
            headers: [
                .contentType: type, .init("Content-Security-Policy")!: contentSecurityPolicy,
                .init("X-Content-Type-Options")!: "nosniff",
            ],
            body: .init(byteBuffer: ByteBuffer(string: text)))
    }
}
