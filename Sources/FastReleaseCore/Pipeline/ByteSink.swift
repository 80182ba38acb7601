/// Where encoded output goes.
public protocol ByteSink: Sendable {
    /// Writes bytes, in the order of calls.
    func write(_ bytes: [UInt8]) throws
}
