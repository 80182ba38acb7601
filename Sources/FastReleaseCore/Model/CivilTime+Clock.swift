extension CivilTime {
    /// The first second a civil time can name, 0001-01-01T00:00:00, in seconds since 1970.
    static let earliestLocalSecond: Int64 = -62_135_596_800
    /// The last second a civil time can name, 9999-12-31T23:59:59, in seconds since 1970.
    static let latestLocalSecond: Int64 = 253_402_300_799

    /// The civil time at `unixSeconds` in a zone `offsetSeconds` east of UTC.
    ///
    /// Uses the days-from-civil inverse of the proleptic Gregorian calendar, so no
    /// calendar object or time-zone database is needed. A time before the year 1 or after the
    /// year 9999 is held at 0001-01-01T00:00:00 or 9999-12-31T23:59:59: arithmetic on times read
    /// from operators' files (a monitoring interval of a million days) stays a time, not a crash.
    public init(unixSeconds: Int64, offsetSeconds: Int) {
        let (shiftedByZone, overflow) = unixSeconds.addingReportingOverflow(Int64(offsetSeconds))
        let local =
            overflow
            ? (offsetSeconds > 0 ? Self.latestLocalSecond : Self.earliestLocalSecond)
            : min(max(shiftedByZone, Self.earliestLocalSecond), Self.latestLocalSecond)
        let days = local >= 0 ? local / 86_400 : (local - 86_399) / 86_400
        let secondOfDay = Int(local - days * 86_400)
        // Civil-from-days (era-based, valid for any day count).
        let shifted = days + 719_468
        let era = (shifted >= 0 ? shifted : shifted - 146_096) / 146_097
        let dayOfEra = shifted - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let monthIndex = (5 * dayOfYear + 2) / 153
        let day = Int(dayOfYear - (153 * monthIndex + 2) / 5 + 1)
        let month = Int(monthIndex < 10 ? monthIndex + 3 : monthIndex - 9)
        let year = Int(yearOfEra + era * 400) + (month <= 2 ? 1 : 0)
        self.init(
            year: year, month: month, day: day,
            hour: secondOfDay / 3600, minute: secondOfDay / 60 % 60, second: secondOfDay % 60)!
    }

    /// Seconds since 1970 of this time read in a zone `offsetSeconds` east of UTC (days-from-civil).
    public func unixSeconds(offsetSeconds: Int) -> Int64 {
        var parts = value
        let second = parts % 100
        parts /= 100
        let minute = parts % 100
        parts /= 100
        let hour = parts % 100
        parts /= 100
        let day = parts % 100
        parts /= 100
        let month = parts % 100
        let year = parts / 100 - (month <= 2 ? 1 : 0)
        let era = (year >= 0 ? year : year - 399) / 400
        let yearOfEra = year - era * 400
        let dayOfYear = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        let days = era * 146_097 + dayOfEra - 719_468
        return days * 86_400 + hour * 3600 + minute * 60 + second - Int64(offsetSeconds)
    }

    /// The current civil time in a zone `offsetSeconds` east of UTC, by the system clock.
    public static func now(offsetSeconds: Int) -> CivilTime {
        WallClock.system.civil(offsetSeconds: offsetSeconds)
    }
}
