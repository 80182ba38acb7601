/// Maps element names (NUL-terminated bytes from libxml2) to small numbers without making
/// a `String`: an FNV-1a hash into an open-addressed table, then a byte comparison.
struct NameTable: Sendable {
    private let slots: [Int32]  // index into `names`, or -1
    private let names: [[UInt8]]
    private let mask: Int

    /// Creates a table; `lookup` returns a name's position in `names`.
    init(_ names: [String]) {
        self.names = names.map { Array($0.utf8) }
        var size = 16
        while size < names.count * 4 { size <<= 1 }
        mask = size - 1
        var slots = [Int32](repeating: -1, count: size)
        for (number, name) in self.names.enumerated() {
            var slot = Self.hash(name) & (size - 1)
            while slots[slot] != -1 { slot = (slot + 1) & (size - 1) }
            slots[slot] = Int32(number)
        }
        self.slots = slots
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
            let entry = slots[slot]
            if entry < 0 { return nil }
            let candidate = names[Int(entry)]
            if candidate.count == length,
                candidate.withUnsafeBufferPointer({ memoryEqual($0.baseAddress!, name, length) })
            {
                return Int(entry)
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
