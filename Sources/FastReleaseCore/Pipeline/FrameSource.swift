/// Hands out the messages of an input, one at a time, on one thread.
public protocol FrameSource {
    /// The next message, or `nil` when the input is exhausted. Read errors come back as
    /// frames with a `problem`, so that the other inputs go on.
    mutating func next() -> MessageFrame?
}
