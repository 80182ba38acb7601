import FastReleaseCore
import Foundation
import Hummingbird
import NIOCore

/// Answers of the cold routes: an `Encodable` value written as JSON (sorted keys, one line).
enum JSONResponse {
    /// `value` as an `application/json` response.
    static func make(_ value: some Encodable, status: HTTPResponse.Status = .ok, headers: HTTPFields = [:]) throws
        -> Response
    {
        var bytes = Array(try PayloadCoding.encoder().encode(value))
        bytes.append(UInt8(ascii: "\n"))
        var headers = headers
        headers[.contentType] = "application/json"
        return Response(status: status, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: bytes)))
    }
}

/// A value answered with `"replay"` beside its own members.
struct WithReplay<Payload: Encodable>: Encodable {
    let replay: Bool
    let payload: Payload

    private enum CodingKeys: String, CodingKey { case replay }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(replay, forKey: .replay)
        try payload.encode(to: encoder)
    }
}
