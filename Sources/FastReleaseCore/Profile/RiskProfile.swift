/// A risk profile as written by operators, checked but not yet compiled.
///
/// Load one with ``ProfileLoader``, then compile it with ``CompiledProfile/init(_:)``.
public struct RiskProfile: Sendable {
    /// The profile's name, such as `default`.
    public var name: String
    /// What the profile is for.
    public var summary: String
    /// The offset east of UTC, in seconds, of the local time used when a declaration states none.
    public var timeZoneOffsetSeconds: Int
    /// The enterprise register.
    public var register: EnterpriseRegister
    /// Which parties are looked up in the register, in order: the first registered one is
    /// "the enterprise" of the declaration.
    public var enterpriseRoles: [PartyRole]
    /// The credit class of an enterprise the register does not know.
    public var unregisteredClass: Int
    /// Named country groups.
    public var countryGroups: [String: Set<CountryCode>]
    /// The score at or above which each lane applies.
    public var thresholds: [Lane: Int]
    /// Random selection.
    public var sampling: SamplingPolicy
    /// The rules, in profile order.
    public var rules: [Rule]

    /// Creates a profile.
    public init(
        name: String, summary: String = "", timeZoneOffsetSeconds: Int = 0, register: EnterpriseRegister = .init(),
        enterpriseRoles: [PartyRole] = [.seller, .exporter, .declarant], unregisteredClass: Int = 3,
        countryGroups: [String: Set<CountryCode>] = [:], thresholds: [Lane: Int] = [:],
        sampling: SamplingPolicy = .init(), rules: [Rule] = []
    ) {
        self.name = name
        self.summary = summary
        self.timeZoneOffsetSeconds = timeZoneOffsetSeconds
        self.register = register
        self.enterpriseRoles = enterpriseRoles
        self.unregisteredClass = unregisteredClass
        self.countryGroups = countryGroups
        self.thresholds = thresholds
        self.sampling = sampling
        self.rules = rules
    }
}
