/// Why the decision has the lane it has.
public enum LaneSource: Sendable, Hashable {
    /// No rule, threshold or draw raised it.
    case `default`
    /// The score reached a threshold.
    case threshold(score: Int)
    /// A rule forced it.
    case rule(String)
    /// Random sampling selected it.
    case sampling
    /// The port ran below the lane's expected rate, and the declaration was drawn up to it.
    case topUp
}
