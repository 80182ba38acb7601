public import FastReleaseCore

extension MessageFrame {
    /// The local name of the message's root element (`CEB621Message`, `MetaData`), read from
    /// its first start tag without parsing; `nil` when there is none.
    public var rootElementName: String? {
        var index = 0
        let bytes = self.bytes
        while let open = bytes[index...].firstIndex(of: UInt8(ascii: "<")) {
            let next = open + 1
            guard next < bytes.count else { return nil }
            if bytes[next] == UInt8(ascii: "?") || bytes[next] == UInt8(ascii: "!") {
                index = next
                continue
            }
            var end = next
            while end < bytes.count, !Self.endsName(bytes[end]) { end += 1 }
            var name = bytes[next..<end]
            if let colon = name.lastIndex(of: UInt8(ascii: ":")) { name = name[(colon + 1)...] }
            return name.isEmpty ? nil : String(decoding: name, as: UTF8.self)
        }
        return nil
    }

    private static func endsName(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\r"), UInt8(ascii: "\n"), UInt8(ascii: ">"),
            UInt8(ascii: "/"):
            true
        default: false
        }
    }
}
