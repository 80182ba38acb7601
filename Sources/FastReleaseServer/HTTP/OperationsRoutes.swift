import FastReleaseCore
import FastReleaseStore
import Hummingbird
import Logging
import NIOCore

/// `/healthz` (the process answers), `/readyz` (profile loaded and decision log reachable),
/// `/metrics` (Prometheus text format; public unless `metrics.public` is false) and
/// `/openapi.yaml` (the API's description, ``OpenAPIDocument``).
struct OperationsRoutes {
    let service: DecisionService
    let metrics: ServiceMetrics
    let publicMetrics: Bool

    func register(on router: RouteTable) {
        router.get("/healthz") { _, _ in
            Response(
                status: .ok, headers: [.contentType: "text/plain"], body: .init(byteBuffer: ByteBuffer(string: "ok\n")))
        }
        router.get("/readyz") { _, context in
            do {
                try await service.log.ping()
            } catch {
                context.logger.warning("not ready: decision log unreachable", metadata: ["error": "\(error)"])
                throw ServiceError(.serviceUnavailable, code: "store.unavailable", "the decision log cannot be reached")
            }
            return try JSONResponse.make(Readiness(ready: true, profile: service.engine.profile.version))
        }
        router.get("/openapi.yaml") { _, _ in
            Response(
                status: .ok, headers: [.contentType: "application/yaml"],
                body: .init(byteBuffer: ByteBuffer(string: OpenAPIDocument.text)))
        }
        router.get("/metrics") { _, context in
            if !publicMetrics { try context.require(.viewer) }
            return Response(
                status: .ok, headers: [.contentType: "text/plain; version=0.0.4"],
                body: .init(byteBuffer: ByteBuffer(bytes: metrics.exposition())))
        }
    }
}
