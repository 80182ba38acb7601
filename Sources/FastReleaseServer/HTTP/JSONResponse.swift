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
        var bytes = try PayloadCoding.bytes(of: value)
        bytes.append(UInt8(ascii: "\n"))
        var headers = headers
        headers[.contentType] = "application/json"
        return Response(status: status, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: bytes)))
    }
}
