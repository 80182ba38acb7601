/// Decodes messages into declarations. Keeps parser state: make one per worker.
public protocol MessageDecoder: AnyObject {
    /// Appends the records of one message to `records`, in document order.
    func decode(_ frame: MessageFrame, into records: inout [DecodedRecord])

    /// How many messages the last frame held (a whole-input frame may hold several); 0 when it
    /// was a whole input left undecoded (``MessageFrame/SeveralMessages/leave``).
    var messagesInLastFrame: Int { get }
}

extension MessageDecoder {
    /// One message a frame, for decoders that are never given whole inputs.
    public var messagesInLastFrame: Int { 1 }
}
