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
/// while let frame = source.next() { print(frame.source, frame.bytes.count) }
/// ```
public struct InputFrameSource: FrameSource {
    private var queue: [String]
    private var current: (descriptor: Int32, splitter: MessageSplitter)?
    private var ready: [MessageFrame] = []
    private var readyIndex = 0
    private var buffer: [UInt8]
    private var sequence = 0
    private let limits: XMLLimits
    private let readsWholeFiles: Bool

    /// Creates a source over paths; `-` is standard input. No path means standard input.
    ///
    /// - Parameters:
    ///   - paths: files, folders, or `-`.
    ///   - limits: the message size limit is enforced while framing.
    ///   - chunkSize: bytes read at a time.
    ///   - readsWholeFiles: a regular file within the message limit is read in one piece and
    ///     cut by the decoder only if it holds several messages (the same records as reading it
    ///     as a stream, without scanning it here); `false` reads every input as a stream.
    public init(
        paths: [String], limits: XMLLimits = XMLLimits(), chunkSize: Int = 1 << 20, readsWholeFiles: Bool = true
    ) {
        queue = paths.isEmpty ? ["-"] : paths
        queue.reverse()
        buffer = [UInt8](repeating: 0, count: max(4096, chunkSize))
        self.limits = limits
        self.readsWholeFiles = readsWholeFiles
    }

    public mutating func next() -> MessageFrame? {
        while readyIndex == ready.count {
            ready.removeAll(keepingCapacity: true)
            readyIndex = 0
            if current != nil {
                readChunk()
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
        while let path = queue.popLast() {
            var splitter = MessageSplitter(source: path, limits: limits, firstSequence: sequence)
            if path == "-" {
                current = (0, splitter)
                return true
            }
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue {
                queue += Self.xmlFiles(in: path).reversed()
                continue
            }
            let descriptor = open(path, O_RDONLY)
            guard descriptor >= 0 else {
                let reason =
                    "cannot read \(path): \(String(cString: strerror(errno))); check the path and its permissions"
                append([splitter.problem(.unreadable, line: 0, reason)], from: splitter)
                return true
            }
            if readsWholeFiles, readWhole(descriptor, path: path) { return true }
            current = (descriptor, splitter)
            return true
        }
        return false
    }

    /// Reads a regular file no larger than the message limit in one piece, as one frame that
    /// the decoder cuts only if it holds more than one message: the bytes are neither scanned
    /// nor copied here. `false`, with the file left open, for anything else.
    private mutating func readWhole(_ descriptor: Int32, path: String) -> Bool {
        var status = stat()
        guard fstat(descriptor, &status) == 0, status.st_mode & S_IFMT == S_IFREG,
            status.st_size <= limits.maxMessageBytes
        else { return false }
        let size = Int(status.st_size)
        var failed = false
        let bytes = [UInt8](unsafeUninitializedCapacity: size) { buffer, count in
            while count < size {
                let got = read(descriptor, buffer.baseAddress! + count, size - count)
                if got > 0 {
                    count += got
                } else if got < 0, errno == EINTR {
                    continue
                } else {
                    failed = got < 0
                    break
                }
            }
        }
        guard !failed, bytes.count == size else {
            // Changed or unreadable while read: read it again as a stream, which reports errors.
            _ = lseek(descriptor, 0, SEEK_SET)
            return false
        }
        close(descriptor)
        guard let frame = MessageFrame.whole(bytes, source: path, sequence: sequence) else { return true }
        ready.append(frame)
        sequence += 1
        return true
    }

    private mutating func readChunk() {
        guard let descriptor = current?.descriptor, var splitter = current?.splitter else { return }
        let count = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
        if count > 0 {
            let frames = buffer.withUnsafeBytes { splitter.feed(UnsafeRawBufferPointer(rebasing: $0[..<count])) }
            current = (descriptor, splitter)
            append(frames, from: splitter)
            return
        }
        if count < 0, errno == EINTR { return }
        var frames: [MessageFrame] = []
        if count < 0 {
            frames.append(
                splitter.problem(
                    .unreadable, line: 0, "reading \(splitter.source) failed: \(String(cString: strerror(errno)))"))
        }
        frames += splitter.finish()
        if descriptor != 0 { close(descriptor) }
        current = nil
        append(frames, from: splitter)
    }

    private mutating func append(_ frames: [MessageFrame], from splitter: MessageSplitter) {
        ready += frames
        sequence = splitter.nextSequence
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
