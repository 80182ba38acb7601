/// The enterprise register as the scorer reads it, once for every declaration: one array of
/// slots, each holding a code's bytes inline beside its credit class, list and zone.
///
/// The register's `[String: Enterprise]` dictionary touches two arrays for every lookup (its
/// keys, then its values, with three strings to retain in each entry it copies out), and at
/// 11,000 enterprises both are larger than the processor's nearer caches. Here a lookup hashes
/// the code's bytes, reads consecutive slots of one array until it finds the code or an empty
/// slot, and copies out only what the standing needs. The table is built once from the
/// register and never changes, so no declaration can lengthen a probe. Codes longer than 16
/// bytes, which no slot holds, and classes beyond 16 bits are looked up in the register itself.
final class EnterpriseTable: Sendable {
    /// What the scorer needs of a registered enterprise.
    struct Entry {
        /// Credit class 1 (most trusted) to 4.
        let creditClass: Int
        /// Red or black list, if listed.
        let list: EnterpriseList?
        /// Demonstration zone, or empty.
        let zone: String
    }

    /// One slot, 24 bytes: the code's bytes (little-endian, zero-padded; `length == 0` is an
    /// empty slot) and the entry's fields, with the zone as an index into `zones`.
    private struct Slot {
        var low: UInt64 = 0
        var high: UInt64 = 0
        var zone: UInt32 = 0
        var creditClass: Int16 = 0
        var length: UInt8 = 0
        var list: UInt8 = 0
    }

    private static let listCodes: [EnterpriseList?] = [nil, .red, .black]
    /// The `list` of a slot whose class does not fit in 16 bits: its entry is read from the register.
    private static let inRegister = UInt8(listCodes.count)
    private let slots: [Slot]
    private let zones: [String]
    private let register: EnterpriseRegister

    /// Builds the table of a register.
    init(_ register: EnterpriseRegister) {
        self.register = register
        var zoneNumbers: [String: UInt32] = [:]
        var zones: [String] = []
        var slots = [Slot](repeating: Slot(), count: max(16, register.count + register.count / 2))
        for enterprise in register.enterprises.values {
            guard var slot = Self.slot(for: enterprise.code) else { continue }
            if zoneNumbers[enterprise.zone] == nil {
                zoneNumbers[enterprise.zone] = UInt32(zones.count)
                zones.append(enterprise.zone)
            }
            slot.zone = zoneNumbers[enterprise.zone]!
            if let creditClass = Int16(exactly: enterprise.creditClass) {
                slot.creditClass = creditClass
                slot.list = UInt8(Self.listCodes.firstIndex(of: enterprise.list)!)
            } else {
                slot.list = Self.inRegister
            }
            var position = Self.start(of: slot, in: slots.count)
            while slots[position].length != 0 { position = position + 1 == slots.count ? 0 : position + 1 }
            slots[position] = slot
        }
        self.slots = slots
        self.zones = zones
    }

    /// The entry registered under `code`, or `nil`.
    func entry(_ code: String) -> Entry? {
        guard let key = Self.slot(for: code) else { return registered(code) }
        return slots.withUnsafeBufferPointer { slots in
            var position = Self.start(of: key, in: slots.count)
            while slots[position].length != 0 {
                let slot = slots[position]
                if slot.low == key.low, slot.high == key.high, slot.length == key.length {
                    guard slot.list != Self.inRegister else { return registered(code) }
                    return Entry(
                        creditClass: Int(slot.creditClass), list: Self.listCodes[Int(slot.list)],
                        zone: zones[Int(slot.zone)])
                }
                position = position + 1 == slots.count ? 0 : position + 1
            }
            return nil
        }
    }

    /// The entry as the register has it.
    private func registered(_ code: String) -> Entry? {
        register[code].map { Entry(creditClass: $0.creditClass, list: $0.list, zone: $0.zone) }
    }

    /// A slot holding the code's bytes, or `nil` for an empty code or one longer than 16 bytes.
    private static func slot(for code: String) -> Slot? {
        var code = code
        return code.withUTF8 { bytes -> Slot? in
            guard (1...16).contains(bytes.count) else { return nil }
            var slot = Slot()
            for (index, byte) in bytes.enumerated() {
                if index < 8 {
                    slot.low |= UInt64(byte) << (8 * index)
                } else {
                    slot.high |= UInt64(byte) << (8 * (index - 8))
                }
            }
            slot.length = UInt8(bytes.count)
            return slot
        }
    }

    /// The first slot to probe for a code: its bytes mixed (the SplitMix64 finaliser), then
    /// scaled to the table's size.
    private static func start(of slot: Slot, in count: Int) -> Int {
        var hash = slot.low ^ (slot.high &* 0x9E37_79B9_7F4A_7C15) ^ UInt64(slot.length)
        hash = (hash ^ (hash >> 30)) &* 0xBF58_476D_1CE4_E5B9
        hash = (hash ^ (hash >> 27)) &* 0x94D0_49BB_1331_11EB
        hash ^= hash >> 31
        return Int(hash.multipliedFullWidth(by: UInt64(count)).high)
    }
}
