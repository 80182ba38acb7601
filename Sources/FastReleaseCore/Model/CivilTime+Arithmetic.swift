extension CivilTime {
    /// The same local time `days` days later (earlier for a negative count), on the calendar.
    public func adding(days: Int) -> CivilTime {
        CivilTime(unixSeconds: unixSeconds(offsetSeconds: 0) + Int64(days) * 86_400, offsetSeconds: 0)
    }

    /// The date, `yyyy-MM-dd`.
    public var day: String { datePrefix(withDay: true) }

    /// `yyyy-MM-dd` or `yyyy-MM`, written from the digits without formatting the whole time
    /// (examiners' workloads are counted by day for every declaration in an inspection lane).
    func datePrefix(withDay: Bool) -> String {
        let date = Int(value / 1_000_000)  // yyyyMMdd
        let length = withDay ? 10 : 7
        return String(unsafeUninitializedCapacity: length) { text in
            func two(_ number: Int, at offset: Int) {
                text[offset] = UInt8(48 + number / 10)
                text[offset + 1] = UInt8(48 + number % 10)
            }
            let year = date / 10_000
            two(year / 100 % 100, at: 0)
            two(year % 100, at: 2)
            text[4] = UInt8(ascii: "-")
            two(date / 100 % 100, at: 5)
            if withDay {
                text[7] = UInt8(ascii: "-")
                two(date % 100, at: 8)
            }
            return length
        }
    }
}
