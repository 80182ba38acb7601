import Hummingbird
import NIOCore

/// A cold route's request body, read whole up to a limit.
enum RequestBody {
    /// The body, at most `limit` bytes.
    ///
    /// - Throws: 413 when it is longer, saying that `what` is at most `limit` bytes (and `hint`,
    ///   what to do).
    static func collect(_ request: Request, limit: Int, what: String, hint: String = "") async throws -> ByteBuffer {
        let body = try await request.body.collect(upTo: limit + 1)
        guard body.readableBytes <= limit else {
            throw ServiceError(
                .contentTooLarge, code: "request.too-large",
                "\(what) is at most \(limit) bytes" + (hint.isEmpty ? "" : "; \(hint)"))
        }
        return body
    }
}
