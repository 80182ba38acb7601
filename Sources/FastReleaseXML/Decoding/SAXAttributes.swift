import FastReleaseCore

/// The attributes of a start tag, as libxml2 passes them (five pointers per attribute).
struct SAXAttributes {
    let pointer: UnsafeMutablePointer<UnsafePointer<UInt8>?>?
    let count: Int

    /// The value of the attribute with this local name, if present.
    func value(_ localName: StaticString) -> String? {
        guard let pointer else { return nil }
        for index in 0..<count {
            let base = index * 5
            guard cStringEquals(pointer[base], localName), let start = pointer[base + 3], let end = pointer[base + 4]
            else {
                continue
            }
            return XMLBytes.string(UnsafeRawBufferPointer(start: start, count: end - start))
        }
        return nil
    }
}
