import Hummingbird
import NIOCore

/// `GET /dashboard`: the page (no data in it, so no token needed to load it);
/// `GET /v1/dashboard/data` (viewer): its figures as JSON.
struct DashboardRoutes {
    let data: DashboardData

    func register(on router: RouteTable) {
        router.get("/dashboard") { _, _ in
            Response(
                status: .ok,
                headers: [
                    .contentType: "text/html; charset=utf-8",
                    .init("Content-Security-Policy")!:
                        "default-src 'self'; script-src 'unsafe-inline'; style-src 'unsafe-inline'",
                ],
                body: .init(byteBuffer: ByteBuffer(string: DashboardPage.html)))
        }
        router.get("/v1/dashboard/data") { _, context in
            try context.require(.viewer)
            return try JSONResponse.make(try await data.document())
        }
    }
}
