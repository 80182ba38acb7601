import FastReleaseCore

#if canImport(Glibc)
    import Glibc
#endif

/// Writes bytes to a file descriptor, all of them, retrying short writes.
struct FileDescriptorSink: ByteSink {
    let descriptor: Int32

    static let standardOutput = FileDescriptorSink(descriptor: 1)
    static let standardError = FileDescriptorSink(descriptor: 2)

    struct WriteError: Error, CustomStringConvertible {
        let code: Int32
        var description: String { "cannot write the output: \(String(cString: strerror(code)))" }
    }

    func write(_ bytes: [UInt8]) throws {
        var offset = 0
        while offset < bytes.count {
            let written = bytes.withUnsafeBytes { Glibc.write(descriptor, $0.baseAddress! + offset, $0.count - offset) }
            if written < 0 {
                if errno == EINTR { continue }
                throw WriteError(code: errno)
            }
            offset += written
        }
    }

    /// Writes a line of text, ignoring failures (for diagnostics).
    func print(_ text: String) {
        try? write(Array((text + "\n").utf8))
    }
}
