import FastReleaseStore
import Foundation

/// A profile proposal as the API answers it.
struct ProposalAnswer: Encodable {
    let id: String
    let version: String
    let baseVersion: String
    let proposedAt: Int64
    let proposedBy: String
    let summary: String
    let status: String
    let approvals: [ProposalApproval]
    let decidedAt: Int64?
    let review: ProposalReview?

    init(_ proposal: StoredProfileProposal) {
        id = proposal.id
        version = proposal.version
        baseVersion = proposal.baseVersion
        proposedAt = proposal.proposedAt
        proposedBy = proposal.proposedBy
        summary = proposal.summary
        status = proposal.status.rawValue
        approvals = (try? StoredJSON.value([ProposalApproval].self, from: proposal.approvals)) ?? []
        decidedAt = proposal.decidedAt == 0 ? nil : proposal.decidedAt
        review = try? StoredJSON.value(ProposalReview.self, from: proposal.review)
    }

    private enum CodingKeys: String, CodingKey {
        case id, version, baseVersion = "base_version", proposedAt = "proposed_at", proposedBy = "proposed_by", summary,
            status, approvals
        case decidedAt = "decided_at", review
    }
}
