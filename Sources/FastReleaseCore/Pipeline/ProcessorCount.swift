#if canImport(Glibc)
    import Glibc
#endif

/// The number of cores the machine has online.
///
/// Not the process's CPU affinity: under `taskset -c 0` the service still runs two workers on the
/// one core, which answered more single requests there than one worker (×0.90 with one, three
/// alternating runs, docs/benchmarks.md, "fifth session").
public enum ProcessorCount {
    /// Online processors, at least 1.
    public static var active: Int {
        #if canImport(Glibc)
            return max(1, Int(sysconf(Int32(_SC_NPROCESSORS_ONLN))))
        #else
            return 1
        #endif
    }
}
