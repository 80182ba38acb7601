public import FastReleaseCore
import FastReleaseFiles
import FastReleaseOperations
public import FastReleaseStore
import Foundation
public import Logging

/// Maker and checker: a profile change is proposed by one operator and put in force only when
/// `required` other operators have approved it. Before anyone may approve, the candidate is
/// checked and compiled, its example cases are run (they must all pass), and the last day's
/// traffic is replayed against it; all of it is kept with the proposal in the store, so any
/// instance can show and approve it. Restores and SIGHUP reloads are proposals too.
public final class ProfileProposals: Sendable {
    /// Approvals a change needs (`profile.approvals`); 0 puts changes in force at once.
    public let required: Int
    private let manager: ProfileManager
    private let log: any DecisionLog
    private let directory: String
    private let clock: WallClock
    private let logger: Logger

    /// A proposal that cannot be approved or turned down as asked.
    public enum Refusal: Error, Sendable {
        /// No proposal has this id.
        case unknown(String)
        /// It was put in force or turned down already.
        case closed(StoredProfileProposal.Status)
        /// The proposer cannot approve their own change.
        case ownChange
        /// This operator approved it already.
        case approvedAlready
        /// Some example case failed, or there were none.
        case casesFailed(ProposalReview.Cases)
        /// Another operator moved it on at the same moment; read it again.
        case moved
        /// The version in force is no longer the one it was proposed (and reviewed) against.
        case stale(proposedAgainst: String, inForce: String)
    }

    /// Creates the proposals of `manager`'s profile, whose folder (`directory`) gives the example
    /// cases of a proposal that brings none, and the reference state they are judged against.
    public init(
        manager: ProfileManager, log: any DecisionLog, directory: String, required: Int, clock: WallClock,
        logger: Logger
    ) {
        self.manager = manager
        self.log = log
        self.directory = directory
        self.required = required
        self.clock = clock
        self.logger = logger
    }

    /// Checks `bundle`, runs its example cases (`tests`, the upload's `tests/` files by name, else
    /// the folder's) and replays the last day against it, and records the proposal.
    public func propose(_ bundle: ProfileBundle, tests: [String: String], by who: String) async throws
        -> StoredProfileProposal
    {
        let candidate = try await manager.compileCandidate(bundle)
        let live = manager.live.current
        let now = clock.milliseconds()
        let review = ProposalReview(
            cases: try runCases(candidate, uploaded: tests),
            replay: try await replayLastDay(candidate, to: now))
        let proposal = StoredProfileProposal(
            id: "P-\(UUID().uuidString.prefix(8))", version: candidate.version, baseVersion: live.version,
            proposedAt: now, proposedBy: who,
            summary: ProfileDiff(from: live.source, to: candidate.source).summary,
            files: try StoredJSON.text(of: bundle), review: try StoredJSON.text(of: review))
        try await log.record(proposal)
        logger.notice(
            "profile proposed",
            metadata: [
                "profile.proposal": "\(proposal.id)", "profile.version": "\(proposal.version)",
                "profile.cases.passed": "\(review.cases.passed)/\(review.cases.run)", "auth.caller": "\(who)",
            ])
        return proposal
    }

    /// Proposes putting a recorded version back.
    public func proposeRestore(version: String, by who: String) async throws -> StoredProfileProposal {
        try await propose(try await manager.recordedBundle(version: version), tests: [:], by: who)
    }

    /// Adds `who`'s approval; with enough of them, puts the version in force.
    public func approve(id: String, by who: String) async throws -> StoredProfileProposal {
        var proposal = try await open(id)
        let read = proposal.approvals
        var approvals = try StoredJSON.value([ProposalApproval].self, from: read)
        if proposal.proposedBy == who { throw Refusal.ownChange }
        if approvals.contains(where: { $0.by == who }) { throw Refusal.approvedAlready }
        let review = try StoredJSON.value(ProposalReview.self, from: proposal.review)
        if !review.cases.allPassed { throw Refusal.casesFailed(review.cases) }
        let inForce = manager.live.current.version
        if inForce != proposal.baseVersion {
            throw Refusal.stale(proposedAgainst: proposal.baseVersion, inForce: inForce)
        }
        approvals.append(ProposalApproval(by: who, at: clock.milliseconds()))
        proposal.approvals = try StoredJSON.text(of: approvals)
        let enough = approvals.count >= max(required, 1)
        if enough {
            proposal.status = .inForce
            proposal.decidedAt = clock.milliseconds()
        }
        guard try await log.update(proposal, readWithApprovals: read) else { throw Refusal.moved }
        if enough {
            let bundle = try StoredJSON.value(ProfileBundle.self, from: proposal.files)
            let approvers = approvals.map(\.by).joined(separator: ", ")
            _ = try await manager.replace(with: bundle, by: "\(proposal.proposedBy), approved by \(approvers)")
        }
        logger.notice(
            enough ? "profile approved and in force" : "profile approved",
            metadata: [
                "profile.proposal": "\(id)", "profile.version": "\(proposal.version)",
                "profile.approvals": "\(approvals.count)/\(max(required, 1))", "auth.caller": "\(who)",
            ])
        return proposal
    }

    /// Turns a pending proposal down.
    public func reject(id: String, by who: String) async throws -> StoredProfileProposal {
        var proposal = try await open(id)
        let read = proposal.approvals
        proposal.status = .rejected
        proposal.decidedAt = clock.milliseconds()
        guard try await log.update(proposal, readWithApprovals: read) else { throw Refusal.moved }
        logger.notice("profile proposal turned down", metadata: ["profile.proposal": "\(id)", "auth.caller": "\(who)"])
        return proposal
    }

    private func open(_ id: String) async throws -> StoredProfileProposal {
        guard let proposal = try await log.proposal(id: id) else { throw Refusal.unknown(id) }
        guard proposal.status == .pending else { throw Refusal.closed(proposal.status) }
        return proposal
    }

    /// Runs the uploaded cases (written to a temporary folder, as cases may name XML messages
    /// beside them), else the profile folder's.
    private func runCases(_ candidate: CompiledProfile, uploaded: [String: String]) throws -> ProposalReview.Cases {
        let folder: String
        var temporary: URL?
        if uploaded.isEmpty {
            folder = (directory as NSString).appendingPathComponent("tests")
        } else {
            let url = FileManager.default.temporaryDirectory.appendingPathComponent("fastrelease-cases-\(UUID())")
            temporary = url
            for (name, text) in uploaded {
                let file = url.appendingPathComponent(name)
                try FileManager.default.createDirectory(
                    at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
                try Data(text.utf8).write(to: file)
            }
            folder = url.path
        }
        defer { if let temporary { try? FileManager.default.removeItem(at: temporary) } }
        let source = uploaded.isEmpty ? folder : "upload"
        let cases: [ProfileTestCase]
        do {
            cases = try ProfileFolder.testCases(folder)
        } catch {
            return .init(source: source, run: 0, passed: 0, failures: error.issues.map(\.description))
        }
        let state = StateFolder.beside(profile: directory).flatMap { try? StateFolder.read($0) }
        let results = ProfileTestRunner(profile: candidate, testsDirectory: folder, state: state).run(cases)
        let failures = results.filter { !$0.passed }.map { result in
            let file = (result.testCase.position.source as NSString).lastPathComponent
            return "\(file) \(result.testCase.name): \(result.problems.joined(separator: "; "))"
        }
        return .init(source: source, run: results.count, passed: results.count - failures.count, failures: failures)
    }

    /// The last day's declarations decided again with `candidate`, beside what was decided.
    private func replayLastDay(_ candidate: CompiledProfile, to now: Int64) async throws -> ProposalReview.Replay {
        let from = now - 86_400_000
        let replay = Replay(profile: candidate, baseline: nil)
        try await DecisionHistory(log: log).forEach(from: from, to: now) { replay.add($0) }
        let report = replay.report
        return .init(
            from: from, to: now, declarations: report.declarations,
            before: .init(report.baseline, declarations: report.declarations),
            after: .init(report.new, declarations: report.declarations))
    }

}
