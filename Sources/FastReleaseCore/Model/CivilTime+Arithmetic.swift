extension CivilTime {
    /// The same local time `days` days later (earlier for a negative count), on the calendar;
    /// held at 0001-01-01T00:00:00 or 9999-12-31T23:59:59 when that is outside the years 1-9999.
    public func adding(days: Int) -> CivilTime {
        // Ten thousand years are fewer than 3,700,000 days: a larger count only reaches an end.
        let boundedDays = Int64(min(max(days, -3_700_000), 3_700_000))
        return CivilTime(unixSeconds: unixSeconds(offsetSeconds: 0) + boundedDays * 86_400, offsetSeconds: 0)
    }

    /// The date, `yyyy-MM-dd`.
    public var day: String { isoPrefix(10) }
}
