/// The periodic monitoring an enterprise is under (定期监测): trusted makers are tested monthly,
/// say, instead of every batch, for the tests listed here.
public struct EnterpriseMonitoring: Sendable, Hashable, Codable {
    /// The enterprise's code.
    public var enterprise: String
    /// The tests it is monitored for.
    public var tests: [MonitoredTest]

    /// Creates a monitoring record.
    public init(enterprise: String, tests: [MonitoredTest]) {
        self.enterprise = enterprise
        self.tests = tests
    }
}
