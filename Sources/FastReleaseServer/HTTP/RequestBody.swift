import Hummingbird
import NIOCore

/// A cold route's request body, read whole up to a limit.
enum RequestBody {
    /// The body, at most `limit` bytes.
    ///
    /// - Throws: 413 when it is longer, saying that `what` is at most `limit` bytes (and `hint`,
    ///   what to do).
    static func collect(_ request: Request, limit: Int, what: String, hint: String = "") async throws -> ByteBuffer {
        do {
            // `collect(upTo:)` throws once the body passes the bound it is given, with an empty
            // answer of its own: it is answered in the service's error shape instead.
            return try await request.body.collect(upTo: limit)
        } catch is NIOTooManyBytesError {
            throw ServiceError(
                .contentTooLarge, code: "request.too-large",
                "\(what) is at most \(limit) bytes" + (hint.isEmpty ? "" : "; \(hint)"))
        }
    }
}
