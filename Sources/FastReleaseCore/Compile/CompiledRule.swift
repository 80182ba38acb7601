/// A rule in compiled form: declaration conditions and item conditions kept apart.
/// A class, so that taking a rule from the profile costs one reference count, not one per field.
final class CompiledRule: Sendable {
    let id: String
    let reason: String
    let traderNotice: String
    let weight: Int
    let lane: Lane?
    let labTests: [String]
    let evidence: [EvidenceKind]
    let window: ValidityWindow?
    let declarationConditions: [CompiledCondition]
    let itemConditions: [CompiledCondition]

    init(
        id: String, reason: String, traderNotice: String, weight: Int, lane: Lane?, labTests: [String],
        evidence: [EvidenceKind],
        window: ValidityWindow?,
        declarationConditions: [CompiledCondition], itemConditions: [CompiledCondition]
    ) {
        self.id = id
        self.reason = reason
        self.traderNotice = traderNotice
        self.weight = weight
        self.lane = lane
        self.labTests = labTests
        self.evidence = evidence
        self.window = window
        self.declarationConditions = declarationConditions
        self.itemConditions = itemConditions
    }
}
