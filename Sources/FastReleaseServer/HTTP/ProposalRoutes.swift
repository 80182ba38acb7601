import FastReleaseStore
import Hummingbird

/// Maker and checker of profile changes (``ProfileProposals``).
///
/// - `GET /v1/profile/proposals` (viewer): the proposals, newest first, with their review and
///   approvals; `GET /v1/profile/proposals/{id}` one of them.
/// - `POST /v1/profile/proposals/{id}/approve` (operator, not the proposer): adds an approval;
///   the last one needed puts the version in force (`status: in-force`).
/// - `POST /v1/profile/proposals/{id}/reject` (operator): turns it down.
struct ProposalRoutes {
    let proposals: ProfileProposals
    let log: any DecisionLog

    func register(on router: RouteTable) {
        router.get("/v1/profile/proposals") { _, context in
            try context.require(.viewer)
            return try JSONResponse.make(
                ProposalList(proposals: try await log.proposals(limit: 100).map(ProposalAnswer.init)))
        }
        router.get("/v1/profile/proposals/{id}") { _, context in
            try context.require(.viewer)
            let id = try context.parameters.require("id")
            guard let proposal = try await log.proposal(id: id) else { throw Self.unknown(id) }
            return try JSONResponse.make(ProposalAnswer(proposal))
        }
        router.post("/v1/profile/proposals/{id}/approve") { _, context in
            try context.require(.operator)
            let id = try context.parameters.require("id")
            return try await Self.answer(id) { try await proposals.approve(id: id, by: context.caller?.name ?? "") }
        }
        router.post("/v1/profile/proposals/{id}/reject") { _, context in
            try context.require(.operator)
            let id = try context.parameters.require("id")
            return try await Self.answer(id) { try await proposals.reject(id: id, by: context.caller?.name ?? "") }
        }
    }

    private struct ProposalList: Encodable { let proposals: [ProposalAnswer] }

    private static func unknown(_ id: String) -> ServiceError {
        ServiceError(.notFound, code: "profile.proposal-unknown", "no proposal \(id)")
    }

    private static func answer(_ id: String, _ act: () async throws -> StoredProfileProposal) async throws -> Response {
        do {
            return try JSONResponse.make(ProposalAnswer(try await act()))
        } catch ProfileProposals.Refusal.unknown {
            throw unknown(id)
        } catch ProfileProposals.Refusal.closed(let status) {
            throw ServiceError(
                .conflict, code: "profile.proposal-closed", "proposal \(id) is \(status.rawValue) already")
        } catch ProfileProposals.Refusal.ownChange {
            throw ServiceError(
                .forbidden, code: "profile.own-change",
                "the operator who proposed a change cannot approve it; another operator must")
        } catch ProfileProposals.Refusal.approvedAlready {
            throw ServiceError(.conflict, code: "profile.approved-already", "you approved proposal \(id) already")
        } catch ProfileProposals.Refusal.casesFailed(let cases) {
            let failures =
                cases.failures.isEmpty ? "there are no example cases" : cases.failures.joined(separator: "\n")
            throw ServiceError(
                .conflict, code: "profile.cases-failed",
                "proposal \(id) cannot be approved: \(cases.passed) of \(cases.run) example cases passed:\n\(failures)")
        } catch ProfileProposals.Refusal.stale(let proposedAgainst, let inForce) {
            throw ServiceError(
                .conflict, code: "profile.proposal-stale",
                "proposal \(id) was made against \(proposedAgainst), but \(inForce) is in force now; "
                    + "approving it would undo that change: propose it again")
        } catch ProfileProposals.Refusal.moved {
            throw ServiceError(
                .conflict, code: "profile.busy", "another operator acted on proposal \(id); read it again")
        } catch ProfileManager.Refusal.busy {
            throw ServiceError(.conflict, code: "profile.busy", "another profile change is being made; try again")
        }
    }
}
