import FastReleaseCore

/// Recognises one namespace URI among libxml2's namespace pointers: the bytes are compared
/// once per message, then only the pointer, which libxml2 interns for the message.
struct NamespaceMatcher {
    private let uri: StaticString
    private var seen: UnsafePointer<UInt8>?

    init(_ uri: StaticString) {
        self.uri = uri
    }

    /// Forgets the pointer (call when a message starts: the next one has its own).
    mutating func reset() {
        seen = nil
    }

    /// Whether `namespace` is this URI.
    @inline(__always)
    mutating func matches(_ namespace: UnsafePointer<UInt8>?) -> Bool {
        guard let namespace else { return false }
        if namespace == seen { return true }
        guard cStringEquals(namespace, uri) else { return false }
        seen = namespace
        return true
    }
}
