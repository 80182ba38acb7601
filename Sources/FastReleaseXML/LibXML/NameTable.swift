/// Maps element names (NUL-terminated bytes from libxml2) to small numbers without making
/// a `String`: an FNV-1a hash into an open-addressed table, then a byte comparison. The names
/// are kept in one flat byte array, so that a look-up touches no reference count.
struct NameTable: Sendable {
    private let slots: [Int32]  // index into `starts`, or -1
    private let starts: [Int32]  // where each name begins in `bytes`; one more at the end
    private let bytes: [UInt8]
    private let mask: Int

    /// Creates a table; `lookup` returns a name's position in `names`.
    init(_ names: [String]) {
        var bytes: [UInt8] = []
        var starts: [Int32] = []
        for name in names {
            starts.append(Int32(bytes.count))
            bytes += name.utf8
        }
        starts.append(Int32(bytes.count))
        var size = 16
        while size < names.count * 4 { size <<= 1 }
        mask = size - 1
        var slots = [Int32](repeating: -1, count: size)
        for (number, name) in names.enumerated() {
            var slot = Self.hash(Array(name.utf8)) & (size - 1)
            while slots[slot] != -1 { slot = (slot + 1) & (size - 1) }
            slots[slot] = Int32(number)
        }
        self.slots = slots
        self.starts = starts
        self.bytes = bytes
    }

    /// The position of a NUL-terminated name in the table's list, or `nil`.
    @inline(__always)
    func lookup(_ name: UnsafePointer<UInt8>) -> Int? {
        var length = 0
        var hash: UInt32 = 2_166_136_261
        while name[length] != 0 {
            hash = (hash ^ UInt32(name[length])) &* 16_777_619
            length += 1
        }
        var slot = Int(hash) & mask
        while true {
            let entry = Int(slots[slot])
            if entry < 0 { return nil }
            let start = Int(starts[entry])
            if Int(starts[entry + 1]) - start == length,
                bytes.withUnsafeBufferPointer({ memoryEqual($0.baseAddress! + start, name, length) })
            {
                return entry
            }
            slot = (slot + 1) & mask
        }
    }

    private static func hash(_ bytes: [UInt8]) -> Int {
        var hash: UInt32 = 2_166_136_261
        for byte in bytes { hash = (hash ^ UInt32(byte)) &* 16_777_619 }
        return Int(hash)
    }
}

@inline(__always)
private func memoryEqual(_ a: UnsafePointer<UInt8>, _ b: UnsafePointer<UInt8>, _ count: Int) -> Bool {
    for index in 0..<count where a[index] != b[index] { return false }
    return true
}

/// Whether a NUL-terminated C string equals `text`.
@inline(__always)
func cStringEquals(_ pointer: UnsafePointer<UInt8>?, _ text: StaticString) -> Bool {
    guard let pointer else { return false }
    let count = text.utf8CodeUnitCount
    let expected = text.utf8Start
    for index in 0..<count where pointer[index] != expected[index] { return false }
    return pointer[count] == 0
}
