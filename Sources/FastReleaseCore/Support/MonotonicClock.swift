#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Nanoseconds from a monotonic clock, for timing decode and score steps cheaply.
public enum MonotonicClock {
    /// The current reading in nanoseconds.
    @inline(__always)
    public static func nanoseconds() -> UInt64 {
        var spec = timespec()
        clock_gettime(CLOCK_MONOTONIC, &spec)
        return UInt64(spec.tv_sec) &* 1_000_000_000 &+ UInt64(spec.tv_nsec)
    }

    /// Microseconds elapsed since `start` (a reading of ``nanoseconds()``).
    @inline(__always)
    public static func microseconds(since start: UInt64) -> Double {
        Double(nanoseconds() &- start) / 1000
    }
}
