internal import CLibXML2

/// What element names mean, remembered by the address libxml2 hands each name at.
///
/// libxml2 interns every element name in its parser's dictionary, which lives as long as the
/// parser (resetting the parser for the next message keeps it), so one name always arrives at
/// one address. A name seen before is then found by comparing one pointer, instead of hashing
/// its bytes and comparing them again on every start and end tag. The table is direct-mapped
/// and small: a name whose slot another took is looked up again, with the same answer.
/// Whenever the parser's dictionary is another one (``use(dictionary:generation:)``),
/// everything is forgotten: another address, or the same address in a new generation (a
/// session that replaces its parser counts a generation, since the new dictionary may be
/// allocated where the freed one was). One per format decoder, so one per parser and thread.
final class InternedNames<Element> {
    private static var slotCount: Int { 128 }
    private let addresses: UnsafeMutablePointer<UnsafePointer<UInt8>?>
    private let elements: UnsafeMutablePointer<Element?>
    private var dictionary: UnsafeRawPointer?
    private var generation = 0
    private let lookup: (UnsafePointer<UInt8>) -> Element?

    /// Creates an empty table; `lookup` says what a name means the first time it is seen.
    init(lookup: @escaping (UnsafePointer<UInt8>) -> Element?) {
        self.lookup = lookup
        addresses = .allocate(capacity: Self.slotCount)
        addresses.initialize(repeating: nil, count: Self.slotCount)
        elements = .allocate(capacity: Self.slotCount)
        elements.initialize(repeating: nil, count: Self.slotCount)
    }

    deinit {
        addresses.deallocate()
        elements.deinitialize(count: Self.slotCount)
        elements.deallocate()
    }

    /// Names will come from `dictionary` (a parser's, ``DecodeContext/nameDictionary``) of the
    /// session's parser number `generation` (``DecodeContext/parserGeneration``): if that is not
    /// the dictionary the table was filled from, the table is emptied.
    func use(dictionary current: UnsafeRawPointer?, generation currentGeneration: Int) {
        guard current != dictionary || currentGeneration != generation else { return }
        dictionary = current
        generation = currentGeneration
        addresses.update(repeating: nil, count: Self.slotCount)
    }

    /// What the interned name `name` means (`nil`: nothing `lookup` knows).
    @inline(__always)
    func element(_ name: UnsafePointer<UInt8>) -> Element? {
        // The address's bits mixed by a multiplication; the top 7 pick one of 128 slots.
        let slot = Int(truncatingIfNeeded: (UInt(bitPattern: name) &* 0x9E37_79B9_7F4A_7C15) >> 57)
        if addresses[slot] == name { return elements[slot] }
        let found = lookup(name)
        addresses[slot] = name
        elements[slot] = found
        return found
    }
}

@available(*, unavailable, message: "the scratch table of one format decoder")
extension InternedNames: Sendable {}
