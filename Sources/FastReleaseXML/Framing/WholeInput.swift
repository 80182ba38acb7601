public import FastReleaseCore

extension MessageFrame {
    /// A whole input (a file read in one piece, a request body) as one frame
    /// (``MessageFrame/isWholeInput``) from its first byte that is not white space; `nil` when it
    /// holds nothing else.
    public static func whole(
        _ bytes: consuming [UInt8], source: String, sequence: Int, severalMessages: SeveralMessages = .cut
    ) -> MessageFrame? {
        var leading = 0
        var lineFeeds = 0
        while leading < bytes.count, XMLBytes.isSpace(bytes[leading]) {
            if bytes[leading] == 0x0A { lineFeeds += 1 }
            leading += 1
        }
        guard leading < bytes.count else { return nil }
        if leading > 0 { bytes.removeFirst(leading) }
        return MessageFrame(
            source: source, sequence: sequence, bytes: bytes, startLine: 1 + lineFeeds, isWholeInput: true,
            severalMessages: severalMessages)
    }
}
