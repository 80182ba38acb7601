/// A supplier of raw materials under registration (备案管理, such as a tannery): materials bought
/// from one in good standing need no testing of their own, for the tests it is monitored for.
public struct RegisteredSupplier: Sendable, Hashable, Codable {
    /// Where a registration stands.
    public enum Standing: String, Sendable, Hashable, Codable, CaseIterable {
        /// Registered: its monitored tests may exempt.
        case registered
        /// Suspended: no exemption until it is registered again.
        case suspended
        /// Revoked: no exemption.
        case revoked
    }

    /// The supplier's code.
    public var code: String
    /// Its name.
    public var name: String
    /// Its registration.
    public var standing: Standing
    /// The tests it is monitored for.
    public var monitoring: [MonitoredTest]

    /// Creates a supplier.
    public init(code: String, name: String, standing: Standing, monitoring: [MonitoredTest] = []) {
        self.code = code
        self.name = name
        self.standing = standing
        self.monitoring = monitoring
    }
}
