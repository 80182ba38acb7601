extension CivilTime {
    /// The same local time `days` days later (earlier for a negative count), on the calendar.
    public func adding(days: Int) -> CivilTime {
        CivilTime(unixSeconds: unixSeconds(offsetSeconds: 0) + Int64(days) * 86_400, offsetSeconds: 0)
    }

    /// The date, `yyyy-MM-dd`.
    public var day: String { isoPrefix(10) }
}
