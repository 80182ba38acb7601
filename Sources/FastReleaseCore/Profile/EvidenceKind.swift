/// What may satisfy a rule's laboratory tests instead of testing the goods (practices 3, 4
/// and 5): the authority's reference state already holds a result that covers them.
///
/// ```yaml
/// - id: FUR-RU-MONITORED
///   lab_tests: [free-formaldehyde, azo-dyes]
///   evidence: [lot, supplier, monitoring]   # tried in this order; the first that holds applies
/// ```
public enum EvidenceKind: String, Sendable, Hashable, CaseIterable, Codable {
    /// A conforming raw-material lot the declaration cites, tested for the rule's tests, with
    /// enough left to cover what the goods consume; the consumption is written off (原料核销).
    case lot
    /// The lot the declaration cites came from a registered supplier whose monitoring for the
    /// rule's tests is current and passing (备案硝染厂); nothing is written off.
    case supplier
    /// The responsible enterprise's periodic monitoring for the rule's tests is current and
    /// passing (定期监测).
    case monitoring
}
