public import FastReleaseCore
import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// Reads files, folders (their `.xml` files, recursively, in path order) and standard input
/// (`-`) as one stream of messages, in a bounded buffer.
///
/// ```swift
/// var source = InputFrameSource(paths: ["inbox/", "-"])
/// while let frame = source.next() { … }
/// ```
public struct InputFrameSource: FrameSource {
    private var queue: [String]
    private var current: (path: String, descriptor: Int32)?
    private var framer: MessageFramer
    private var ready: [MessageFrame] = []
    private var readyIndex = 0
    private var buffer: [UInt8]
    private var sequence = 0
    private var atInputStart = true
    private let limits: XMLLimits

    /// Creates a source over paths; `-` is standard input. No path means standard input.
    ///
    /// - Parameters:
    ///   - paths: files, folders, or `-`.
    ///   - limits: the message size limit is enforced while framing.
    ///   - chunkSize: bytes read at a time.
    public init(paths: [String], limits: XMLLimits = XMLLimits(), chunkSize: Int = 1 << 20) {
        queue = paths.isEmpty ? ["-"] : paths
        queue.reverse()
        framer = MessageFramer(maxMessageBytes: limits.maxMessageBytes)
        buffer = [UInt8](repeating: 0, count: max(4096, chunkSize))
        self.limits = limits
    }

    public mutating func next() -> MessageFrame? {
        while readyIndex == ready.count {
            ready.removeAll(keepingCapacity: true)
            readyIndex = 0
            if let input = current {
                readChunk(from: input)
            } else if !openNext(), ready.isEmpty {
                return nil
            }
        }
        defer { readyIndex += 1 }
        return ready[readyIndex]
    }

    // MARK: Inputs

    /// Opens the next input; `false` when none is left. An input that cannot be opened is
    /// reported as a problem frame.
    private mutating func openNext() -> Bool {
        atInputStart = true
        while let path = queue.popLast() {
            if path == "-" {
                current = (path, 0)
                return true
            }
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue {
                queue += Self.xmlFiles(in: path).reversed()
                continue
            }
            let descriptor = open(path, O_RDONLY)
            guard descriptor >= 0 else {
                report(
                    .unreadable, path: path, line: 0,
                    "cannot read \(path): \(String(cString: strerror(errno))); check the path and its permissions")
                return true
            }
            current = (path, descriptor)
            return true
        }
        return false
    }

    private mutating func readChunk(from input: (path: String, descriptor: Int32)) {
        let count = buffer.withUnsafeMutableBytes { read(input.descriptor, $0.baseAddress, $0.count) }
        var frames: [MessageFramer.Frame] = []
        defer { for frame in frames { add(frame, source: input.path) } }
        if count > 0, atInputStart {
            atInputStart = false
            if let encoding = XMLMessageDecoder.unsupportedEncoding(Array(buffer.prefix(min(count, 4)))) {
                report(
                    .unsupportedEncoding, path: input.path, line: 1,
                    "\(input.path) is \(encoding), which FastRelease does not read; send UTF-8 or GB18030")
                closeCurrent()
                return
            }
        }
        if count > 0 {
            buffer.withUnsafeBytes { bytes in
                framer.feed(UnsafeRawBufferPointer(rebasing: bytes[..<count])) { frames.append($0) }
            }
            return
        }
        if count < 0 {
            if errno == EINTR { return }
            report(
                .unreadable, path: input.path, line: 0,
                "reading \(input.path) failed: \(String(cString: strerror(errno)))")
        }
        framer.finish { frames.append($0) }
        closeCurrent()
    }

    private mutating func closeCurrent() {
        if let input = current, input.descriptor != 0 { close(input.descriptor) }
        current = nil
        framer = MessageFramer(maxMessageBytes: limits.maxMessageBytes)
    }

    private mutating func add(_ frame: MessageFramer.Frame, source: String) {
        if let size = frame.oversizedBytes {
            report(
                .limitExceeded, path: source, line: frame.startLine,
                "the message is \(size) bytes, more than the limit of \(limits.maxMessageBytes); split it into smaller messages"
            )
            return
        }
        ready.append(MessageFrame(source: source, sequence: sequence, bytes: frame.bytes, startLine: frame.startLine))
        sequence += 1
    }

    private mutating func report(_ code: DeclarationError.Code, path: String, line: Int, _ reason: String) {
        let problem = DeclarationError(
            code: code, position: SourcePosition(source: path, line: line, column: 0), reason: reason)
        ready.append(MessageFrame(source: path, sequence: sequence, bytes: [], startLine: line, problem: problem))
        sequence += 1
    }

    /// The `.xml` files under a folder, recursively, sorted by path.
    static func xmlFiles(in directory: String) -> [String] {
        guard let enumerator = FileManager.default.enumerator(atPath: directory) else { return [] }
        var files: [String] = []
        while let relative = enumerator.nextObject() as? String {
            guard relative.lowercased().hasSuffix(".xml") else { continue }
            let path = (directory as NSString).appendingPathComponent(relative)
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), !isDirectory.boolValue {
                files.append(path)
            }
        }
        return files.sorted()
    }
}
