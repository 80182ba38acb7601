/// Somewhere encoders append bytes: an array, or a writer's own memory (``RawByteBuffer``).
/// Literal text, integers and JSON strings (``writeInteger(_:)``,
/// ``writeJSONString(_:namingBackspaceAndFormFeed:)``) are written once, here, for both.
protocol ByteOutput {
    /// Appends one byte.
    mutating func append(_ byte: UInt8)
    /// Appends bytes as they are.
    mutating func append(bytes: UnsafeBufferPointer<UInt8>)
}

extension Array: ByteOutput where Element == UInt8 {
    @inline(__always)
    mutating func append(bytes: UnsafeBufferPointer<UInt8>) { append(contentsOf: bytes) }
}

extension ByteOutput {
    /// Appends UTF-8 text as is.
    @inline(__always)
    mutating func append(text: String) {
        var text = text
        text.withUTF8 { append(bytes: $0) }
    }

    /// Appends literal text without making a `String`.
    @inline(__always)
    mutating func append(_ text: StaticString) {
        append(bytes: UnsafeBufferPointer(start: text.utf8Start, count: text.utf8CodeUnitCount))
    }

    /// Appends a whole number in decimal.
    mutating func writeInteger(_ integer: Int) {
        if integer < 0 { append(UInt8(ascii: "-")) }
        let magnitude = integer.magnitude  // `Int.min` has no positive `Int`
        var divisor: UInt = 1
        while divisor <= magnitude / 10 { divisor *= 10 }
        while divisor > 0 {
            append(UInt8(48 + magnitude / divisor % 10))
            divisor /= 10
        }
    }

    /// Appends UTF-8 bytes as a JSON string literal, escaping quotes, backslashes and control
    /// characters; with `namingBackspaceAndFormFeed`, those two are written `\b` and `\f` (as
    /// `JSONEncoder` writes them) rather than `\u0008` and `\u000c`.
    mutating func writeJSONString(_ bytes: UnsafeBufferPointer<UInt8>, namingBackspaceAndFormFeed: Bool = false) {
        append(UInt8(ascii: "\""))
        var runStart = 0
        for (offset, byte) in bytes.enumerated() where byte < 0x20 || byte == 0x22 || byte == 0x5C {
            append(bytes: UnsafeBufferPointer(rebasing: bytes[runStart..<offset]))
            append(0x5C)
            switch byte {
            case 0x22: append(0x22)
            case 0x5C: append(0x5C)
            case 0x0A: append(UInt8(ascii: "n"))
            case 0x0D: append(UInt8(ascii: "r"))
            case 0x09: append(UInt8(ascii: "t"))
            case 0x08 where namingBackspaceAndFormFeed: append(UInt8(ascii: "b"))
            case 0x0C where namingBackspaceAndFormFeed: append(UInt8(ascii: "f"))
            default:
                let hex: StaticString = "0123456789abcdef"
                append(UInt8(ascii: "u"))
                append(0x30)
                append(0x30)
                append(hex.utf8Start[Int(byte >> 4)])
                append(hex.utf8Start[Int(byte & 15)])
            }
            runStart = offset + 1
        }
        append(bytes: UnsafeBufferPointer(rebasing: bytes[runStart...]))
        append(UInt8(ascii: "\""))
    }
}

/// Bytes in memory of their own, appended without `Array`'s checks of uniqueness and
/// capacity at every call: for writers that append many short pieces (a declaration's
/// snapshot is about sixty keys and values). The owner frees it with ``deallocate()``.
struct RawByteBuffer: ByteOutput {
    private var base: UnsafeMutablePointer<UInt8>
    private var capacity: Int
    /// How many bytes have been written.
    private(set) var count = 0

    /// Memory for `capacity` bytes, more when they are written.
    init(capacity: Int) {
        self.capacity = Swift.max(16, capacity)
        base = .allocate(capacity: self.capacity)
    }

    /// Frees the memory; the buffer is not used after.
    func deallocate() { base.deallocate() }

    /// The bytes written, valid until the next append or ``deallocate()``.
    var written: UnsafeBufferPointer<UInt8> { UnsafeBufferPointer(start: base, count: count) }

    subscript(index: Int) -> UInt8 { base[index] }

    @inline(__always)
    mutating func append(_ byte: UInt8) {
        if count == capacity { grow(to: count + 1) }
        base[count] = byte
        count += 1
    }

    @inline(__always)
    mutating func append(bytes: UnsafeBufferPointer<UInt8>) {
        guard let source = bytes.baseAddress, !bytes.isEmpty else { return }
        if count + bytes.count > capacity { grow(to: count + bytes.count) }
        (base + count).update(from: source, count: bytes.count)
        count += bytes.count
    }

    /// Drops the last `dropped` bytes written.
    mutating func removeLast(_ dropped: Int) {
        precondition(dropped <= count, "fewer bytes written than dropped")
        count -= dropped
    }

    private mutating func grow(to needed: Int) {
        let grown = Swift.max(capacity * 2, needed)
        let moved = UnsafeMutablePointer<UInt8>.allocate(capacity: grown)
        moved.moveInitialize(from: base, count: count)
        base.deallocate()
        base = moved
        capacity = grown
    }
}
