/// The rules gathered for one declaration, without repeats, in scratch memory that is reused
/// for every declaration: no allocation, no copy-on-write or exclusivity checks per rule.
///
/// A rule number is added once per declaration: `stamps[rule]` holds the generation that
/// last added it, and `reset` starts a new generation instead of clearing the array.
final class CandidateSet {
    private let stamps: UnsafeMutablePointer<UInt32>
    private let rules: UnsafeMutablePointer<Int32>
    private let capacity: Int
    // Both counters are read and written only through this scorer-owned instance, never
    // overlapping, so the runtime's dynamic exclusivity check on every `add` buys nothing.
    @exclusivity(unchecked) private var generation: UInt32 = 0
    /// How many rules have been added since `reset`.
    @exclusivity(unchecked) private(set) var count = 0

    init(ruleCount: Int) {
        capacity = max(1, ruleCount)
        stamps = .allocate(capacity: capacity)
        stamps.initialize(repeating: 0, count: capacity)
        rules = .allocate(capacity: capacity)
    }

    deinit {
        stamps.deallocate()
        rules.deallocate()
    }

    /// Starts a new, empty set.
    @inline(__always)
    func reset() {
        generation &+= 1
        if generation == 0 {
            stamps.update(repeating: 0, count: capacity)
            generation = 1
        }
        count = 0
    }

    /// Adds a rule unless it is already in.
    @inline(__always)
    func add(_ rule: Int32) {
        let slot = Int(rule)
        if stamps[slot] != generation {
            stamps[slot] = generation
            rules[count] = rule
            count += 1
        }
    }

    /// Adds rules.
    @inline(__always)
    func add(_ list: [Int32]) {
        list.withUnsafeBufferPointer { buffer in
            for rule in buffer { add(rule) }
        }
    }

    /// Sorts the rules into profile order.
    func sort() {
        var buffer = UnsafeMutableBufferPointer(start: rules, count: count)
        buffer.sort()
    }

    /// The rule at `position`.
    @inline(__always)
    subscript(position: Int) -> Int32 { rules[position] }
}

@available(*, unavailable, message: "scratch memory of one scorer")
extension CandidateSet: Sendable {}
