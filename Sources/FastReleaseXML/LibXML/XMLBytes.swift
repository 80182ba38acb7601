/// Small byte-level helpers for element text: trimming, numbers and codes without making
/// a `String` first.
enum XMLBytes {
    @inline(__always)
    static func isSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09
    }

    /// The text without leading and trailing XML white space.
    @inline(__always)
    static func trimmed(_ text: UnsafeRawBufferPointer) -> UnsafeRawBufferPointer {
        var start = 0
        var end = text.count
        while start < end, isSpace(text[start]) { start += 1 }
        while end > start, isSpace(text[end - 1]) { end -= 1 }
        return UnsafeRawBufferPointer(rebasing: text[start..<end])
    }

    /// The text as a `String` (already UTF-8: libxml2 converts every encoding to UTF-8).
    @inline(__always)
    static func string(_ text: UnsafeRawBufferPointer) -> String {
        String(decoding: text, as: UTF8.self)
    }

    /// A decimal number such as `12`, `-3.5` or `0.25`; `nil` for anything else.
    static func decimal(_ text: UnsafeRawBufferPointer) -> Double? {
        guard !text.isEmpty, text.count <= 40 else { return nil }
        var index = 0
        var negative = false
        if text[0] == UInt8(ascii: "-") || text[0] == UInt8(ascii: "+") {
            negative = text[0] == UInt8(ascii: "-")
            index = 1
        }
        var mantissa: UInt64 = 0
        var digits = 0
        var scale = 0
        var seenPoint = false
        while index < text.count {
            let byte = text[index]
            if byte == UInt8(ascii: ".") {
                if seenPoint { return nil }
                seenPoint = true
            } else if byte >= 48, byte <= 57 {
                // Beyond 15 digits the quotient below might not be correctly rounded.
                guard digits < 15 else { return Double(string(text)) }
                mantissa = mantissa * 10 + UInt64(byte - 48)
                if seenPoint { scale += 1 }
                digits += 1
            } else {
                return nil
            }
            index += 1
        }
        guard digits > 0 else { return nil }
        var value = Double(mantissa)
        if scale > 0 { value /= powersOfTen[scale] }
        return negative ? -value : value
    }

    /// A whole number of up to 9 digits; `nil` for anything else.
    static func integer(_ text: UnsafeRawBufferPointer) -> Int? {
        guard !text.isEmpty, text.count <= 9 else { return nil }
        var value = 0
        for byte in text {
            guard byte >= 48, byte <= 57 else { return nil }
            value = value * 10 + Int(byte - 48)
        }
        return value
    }

    private static let powersOfTen: [Double] = (0...15).map { exponent in
        (0..<exponent).reduce(1.0) { power, _ in power * 10 }
    }
}
