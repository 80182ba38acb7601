/// A wall-clock date and time without a time zone, held as the number `yyyyMMddHHmmss`.
///
/// Declarations carry local times (a CEB `appTime` is China local time with no offset) and
/// profiles state validity windows in the same local terms, so comparing the two needs no
/// calendar arithmetic: the numbers order as the times do.
///
/// ```swift
/// let time = CivilTime(compact: "20160315153555")!
/// time.description  // 2016-03-15T15:35:55
/// ```
public struct CivilTime: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// `yyyyMMddHHmmss` as a number.
    public let value: Int64

    /// Creates a time from its parts; `nil` when a part is out of range.
    public init?(year: Int, month: Int, day: Int, hour: Int = 0, minute: Int = 0, second: Int = 0) {
        guard (1...9999).contains(year), (1...12).contains(month),
            (1...Self.daysIn(month: month, year: year)).contains(day),
            (0...23).contains(hour), (0...59).contains(minute), (0...60).contains(second)
        else { return nil }
        var value = Int64(year)
        for part in [month, day, hour, minute, second] { value = value * 100 + Int64(part) }
        self.value = value
    }

    /// Parses `yyyyMMdd` or `yyyyMMddHHmmss` (the CEB forms), digits only.
    public init?(compact text: some StringProtocol) {
        let digits = Array(text.utf8)
        guard digits.count == 8 || digits.count == 14, digits.allSatisfy({ (48...57).contains($0) }) else {
            return nil
        }
        func number(_ start: Int, _ count: Int) -> Int {
            digits[start..<(start + count)].reduce(0) { $0 * 10 + Int($1 - 48) }
        }
        let hasTime = digits.count == 14
        self.init(
            year: number(0, 4), month: number(4, 2), day: number(6, 2),
            hour: hasTime ? number(8, 2) : 0, minute: hasTime ? number(10, 2) : 0,
            second: hasTime ? number(12, 2) : 0)
    }

    /// Parses `yyyy-MM-dd` or `yyyy-MM-ddTHH:mm[:ss]` (the profile forms; a space may replace `T`).
    public init?(iso text: some StringProtocol) {
        var digits = ""
        for (offset, character) in text.enumerated() {
            let separatorExpected =
                [4, 7].contains(offset) ? "-" : offset == 10 ? "T" : [13, 16].contains(offset) ? ":" : nil
            if let separatorExpected {
                guard String(character) == separatorExpected || (offset == 10 && character == " ") else { return nil }
            } else {
                guard character.isASCII, character.isNumber else { return nil }
                digits.append(character)
            }
        }
        switch digits.count {
        case 8, 14: self.init(compact: digits)
        case 12: self.init(compact: digits + "00")
        default: return nil
        }
    }

    /// Year, month and day as `yyyy-MM`, the sampling period key.
    public var month: String { isoPrefix(7) }

    /// Appends `yyyy-MM-ddTHH:mm:ss` to a byte buffer without making a `String`.
    public func appendISO(to out: inout [UInt8]) {
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 19) { text in
            writeISO(19, to: text)
            out.append(contentsOf: text)
        }
    }

    /// `yyyy-MM-ddTHH:mm:ss`, as ``appendISO(to:)`` writes it.
    public var isoText: String { isoPrefix(19) }

    /// The first `length` bytes of `yyyy-MM-ddTHH:mm:ss` (7: the month, 10: the date, 19: all).
    func isoPrefix(_ length: Int) -> String {
        String(unsafeUninitializedCapacity: length) { text in
            writeISO(length, to: text)
            return length
        }
    }

    /// Writes the first `length` bytes of `yyyy-MM-ddTHH:mm:ss` from the value's 14 digits.
    private func writeISO(_ length: Int, to text: UnsafeMutableBufferPointer<UInt8>) {
        var digits = value  // yyyyMMddHHmmss, taken from its last digit
        for position in (0..<19).reversed() {
            let byte: UInt8
            switch position {
            case 4, 7: byte = UInt8(ascii: "-")
            case 10: byte = UInt8(ascii: "T")
            case 13, 16: byte = UInt8(ascii: ":")
            default:
                byte = UInt8(48 + digits % 10)
                digits /= 10
            }
            if position < length { text[position] = byte }
        }
    }

    /// Year and month as the number `yyyyMM`.
    public var yearMonth: Int { Int(value / 100_000_000) }

    /// How many days this time's month has: 28 to 31.
    public var daysInMonth: Int { Self.daysIn(month: yearMonth % 100, year: yearMonth / 100) }

    /// `yyyy-MM-ddTHH:mm:ss` (every civil time is in the years 1-9999), as ``isoText``.
    public var description: String { isoText }

    public static func < (lhs: CivilTime, rhs: CivilTime) -> Bool { lhs.value < rhs.value }

    private static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }
}
