#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The one source of "now" for everything that records or judges time: receipt and decision
/// times, inspection and profile-change times, receipts' issue times, the dashboard's window.
///
/// The service takes one clock and hands it to each part, so a test can fix time for all of
/// them at once.
///
/// ```swift
/// let clock = WallClock.fixed(milliseconds: 1_763_280_000_000)
/// clock.civil(offsetSeconds: 8 * 3600)  // 2025-11-16T16:00:00 in China
/// ```
public struct WallClock: Sendable {
    private let read: @Sendable () -> Int64

    /// A clock that reads `milliseconds` (since 1970, UTC) each time it is asked.
    public init(milliseconds: @escaping @Sendable () -> Int64) {
        read = milliseconds
    }

    /// The system's real-time clock.
    public static let system = WallClock {
        var spec = timespec()
        clock_gettime(CLOCK_REALTIME, &spec)
        return Int64(spec.tv_sec) * 1000 + Int64(spec.tv_nsec) / 1_000_000
    }

    /// A clock stopped at one time.
    public static func fixed(milliseconds: Int64) -> WallClock {
        WallClock { milliseconds }
    }

    /// Milliseconds since 1970 (UTC).
    public func milliseconds() -> Int64 { read() }

    /// The civil time now in a zone `offsetSeconds` east of UTC.
    public func civil(offsetSeconds: Int) -> CivilTime {
        let now = milliseconds()
        let seconds = now >= 0 ? now / 1000 : (now - 999) / 1000
        return CivilTime(unixSeconds: seconds, offsetSeconds: offsetSeconds)
    }
}
