/// Finds where decoding can resume in a message after a broken declaration.
enum ResumePoint {
    /// The offset just past the root element's start tag (after prolog, comments and
    /// processing instructions), or `nil` if there is none.
    static func endOfRootStartTag(_ bytes: UnsafeRawBufferPointer) -> Int? {
        var index = 0
        while index < bytes.count {
            guard bytes[index] == UInt8(ascii: "<"), index + 1 < bytes.count else {
                index += 1
                continue
            }
            switch bytes[index + 1] {
            case UInt8(ascii: "?"):
                index = end(of: "?>", in: bytes, from: index + 2) ?? bytes.count
            case UInt8(ascii: "!"):
                index =
                    end(of: bytes.starts(at: index, with: "<!--") ? "-->" : ">", in: bytes, from: index + 2)
                    ?? bytes.count
            default:
                var quote: UInt8 = 0
                for position in (index + 1)..<bytes.count {
                    let byte = bytes[position]
                    if quote != 0 {
                        if byte == quote { quote = 0 }
                    } else if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'") {
                        quote = byte
                    } else if byte == UInt8(ascii: ">") {
                        return position + 1
                    }
                }
                return nil
            }
        }
        return nil
    }

    /// The offset of the `<` of the start tag of element `name` (any prefix), the
    /// `skipping`-th such tag at or after `from` (0 is the first), or `nil`.
    static func declarationStart(named name: String, in bytes: UnsafeRawBufferPointer, from: Int, skipping: Int) -> Int?
    {
        let pattern = Array(name.utf8)
        var seen = 0
        var index = from
        while index + pattern.count < bytes.count {
            defer { index += 1 }
            guard bytes[index] == UInt8(ascii: "<"), let nameStart = localNameStart(bytes, afterAngle: index + 1) else {
                continue
            }
            guard bytes.starts(at: nameStart, with: pattern), nameStart + pattern.count < bytes.count else { continue }
            let next = bytes[nameStart + pattern.count]
            guard next == UInt8(ascii: ">") || next == UInt8(ascii: "/") || XMLBytes.isSpace(next) else { continue }
            if seen == skipping { return index }
            seen += 1
        }
        return nil
    }

    /// How many line feeds `bytes` holds.
    static func newlines(in bytes: UnsafeRawBufferPointer) -> Int {
        bytes.reduce(0) { $0 + ($1 == 0x0A ? 1 : 0) }
    }

    /// Where the local name starts in a start tag whose name begins at `start` (after any `prefix:`).
    private static func localNameStart(_ bytes: UnsafeRawBufferPointer, afterAngle start: Int) -> Int? {
        var index = start
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: ":") { return index + 1 }
            if byte == UInt8(ascii: ">") || byte == UInt8(ascii: "/") || XMLBytes.isSpace(byte)
                || byte == UInt8(ascii: "<")
            {
                return start
            }
            if byte == UInt8(ascii: "?") || byte == UInt8(ascii: "!") { return nil }
            index += 1
        }
        return nil
    }

    private static func end(of terminator: String, in bytes: UnsafeRawBufferPointer, from: Int) -> Int? {
        let pattern = Array(terminator.utf8)
        var index = from
        while index + pattern.count <= bytes.count {
            if bytes.starts(at: index, with: pattern) { return index + pattern.count }
            index += 1
        }
        return nil
    }
}

extension UnsafeRawBufferPointer {
    /// Whether the bytes at `offset` begin with `pattern`.
    func starts(at offset: Int, with pattern: some Collection<UInt8>) -> Bool {
        guard offset + pattern.count <= count else { return false }
        var index = offset
        for byte in pattern {
            if self[index] != byte { return false }
            index += 1
        }
        return true
    }

    func starts(at offset: Int, with text: String) -> Bool {
        starts(at: offset, with: Array(text.utf8))
    }
}
