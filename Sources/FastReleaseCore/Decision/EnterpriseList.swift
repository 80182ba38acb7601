/// The two lists of the credit system: red (most favourable) and black (strict supervision).
public enum EnterpriseList: String, Sendable, Hashable, CaseIterable {
    /// Rated class 1 twice running with consistently high integrity (红名单).
    case red
    /// Integrity problems; treated as class 4 (黑名单).
    case black
}
