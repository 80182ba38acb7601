public import FastReleaseCore
public import Synchronization

/// A ``ByteSink`` that keeps what a pipeline writes, for tests to read.
public final class MemorySink: ByteSink {
    /// Everything written so far.
    public let bytes = Mutex<[UInt8]>([])

    /// Creates an empty sink.
    public init() {}

    public func write(_ chunk: [UInt8]) throws { bytes.withLock { $0 += chunk } }
}
