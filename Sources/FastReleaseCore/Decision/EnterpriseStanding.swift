/// How the enterprise register knows the enterprise responsible for a declaration.
public struct EnterpriseStanding: Sendable, Hashable {
    /// The enterprise code that was looked up (empty when the declaration names none).
    public var code: String
    /// Which party it is.
    public var role: PartyRole?
    /// Credit class 1 (most trusted) to 4 (strict supervision).
    public var creditClass: Int
    /// Red or black list, if listed.
    public var list: EnterpriseList?
    /// The quality-safety demonstration zone it belongs to, if any.
    public var zone: String
    /// Whether the register has the enterprise (otherwise the profile's default class applies).
    public var registered: Bool

    /// Creates a standing.
    public init(code: String, role: PartyRole?, creditClass: Int, list: EnterpriseList?, zone: String, registered: Bool)
    {
        self.code = code
        self.role = role
        self.creditClass = creditClass
        self.list = list
        self.zone = zone
        self.registered = registered
    }
}
