/// Decodes messages into declarations. Keeps parser state: make one per worker.
public protocol MessageDecoder: AnyObject {
    /// Appends the records of one message to `records`, in document order.
    func decode(_ frame: MessageFrame, into records: inout [DecodedRecord])
}
