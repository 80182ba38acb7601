import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// A hand-made HTTP/1.1 client for one chunked request whose answer is read while the body
/// is still being sent: what a gateway keeping one connection open does.
final class RawHTTPStream: @unchecked Sendable {
    private let socket: Int32
    private var received: [UInt8] = []
    /// Where chunk decoding has reached in `received`, and the decoded body so far.
    private var cursor: Int?
    private var body: [UInt8] = []
    private var decodedLines: [String] = []
    private var lineStart = 0

    /// Connects and sends the request head.
    init(port: Int, path: String, headers: [String: String], receiveBuffer: Int32? = nil) throws {
        socket = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        if var size = receiveBuffer {
            setsockopt(socket, SOL_SOCKET, SO_RCVBUF, &size, socklen_t(MemoryLayout<Int32>.size))
        }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                connect(socket, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        guard connected == 0 else { throw POSIXError(.ECONNREFUSED) }
        var head = "POST \(path) HTTP/1.1\r\nHost: 127.0.0.1\r\nTransfer-Encoding: chunked\r\n"
        for (name, value) in headers { head += "\(name): \(value)\r\n" }
        try send(Array((head + "\r\n").utf8))
    }

    deinit { close(socket) }

    /// Sends bytes as one chunk.
    func sendChunk(_ bytes: [UInt8]) throws {
        try send(Array(String(bytes.count, radix: 16).utf8) + [13, 10] + bytes + [13, 10])
    }

    /// Goes away: shuts the connection in both directions without ending the body.
    func abandon() {
        shutdown(socket, Int32(SHUT_RDWR))
    }

    /// Ends the body.
    func finish() throws {
        try send(Array("0\r\n\r\n".utf8))
    }

    private func send(_ bytes: [UInt8]) throws {
        var offset = 0
        while offset < bytes.count {
            let sent = bytes.withUnsafeBytes {
                Glibc.send(socket, $0.baseAddress! + offset, $0.count - offset, Int32(MSG_NOSIGNAL))
            }
            guard sent > 0 else { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
            offset += sent
        }
    }

    /// Reads as ``read(timeout:until:)`` does, on a Dispatch thread: a blocking read on the
    /// test's task could hold one of the few cooperative threads that an in-process server
    /// needs to answer, and stall it under a loaded test run.
    func answers(timeout: TimeInterval, until condition: @escaping @Sendable ([String]) -> Bool) async -> [String] {
        await withCheckedContinuation { continuation in
            DispatchQueue.global().async {
                continuation.resume(returning: self.read(timeout: timeout, until: condition))
            }
        }
    }

    /// Reads until `condition` holds for the decoded answer lines, or `timeout` passes.
    @discardableResult
    func read(timeout: TimeInterval, until condition: ([String]) -> Bool) -> [String] {
        let deadline = Date().addingTimeInterval(timeout)
        var buffer = [UInt8](repeating: 0, count: 1 << 16)
        while !condition(decodedLines), Date() < deadline {
            var poller = pollfd(fd: socket, events: Int16(POLLIN), revents: 0)
            guard poll(&poller, 1, 100) > 0 else { continue }
            let count = buffer.withUnsafeMutableBytes { recv(socket, $0.baseAddress, $0.count, 0) }
            if count <= 0 { break }
            received += buffer.prefix(count)
            decode()
        }
        return decodedLines
    }

    /// The answer's body lines so far (chunked transfer decoded).
    var lines: [String] { decodedLines }

    /// Decodes the chunks received since the last call, and splits complete lines.
    private func decode() {
        if cursor == nil {
            guard let headEnd = received.firstRange(of: Array("\r\n\r\n".utf8))?.upperBound else { return }
            cursor = headEnd
        }
        while let index = cursor, let sizeEnd = received[index...].firstRange(of: [13, 10]) {
            guard let size = Int(String(decoding: received[index..<sizeEnd.lowerBound], as: UTF8.self), radix: 16),
                size > 0,
                sizeEnd.upperBound + size + 2 <= received.count
            else { break }
            body += received[sizeEnd.upperBound..<(sizeEnd.upperBound + size)]
            cursor = sizeEnd.upperBound + size + 2
        }
        while let newline = body[lineStart...].firstIndex(of: 10) {
            decodedLines.append(String(decoding: body[lineStart..<newline], as: UTF8.self))
            lineStart = newline + 1
        }
    }

    /// The status line.
    var statusLine: String {
        String(decoding: received.prefix { $0 != 13 }, as: UTF8.self)
    }
}
