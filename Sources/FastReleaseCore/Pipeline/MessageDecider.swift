/// Decodes one message and scores its declarations: the work of one worker, for the command
/// line pipeline and the service alike. Not thread-safe: one per worker.
public final class MessageDecider {
    /// What to do with amendments and cancellations.
    public enum ChangeHandling: Sendable {
        /// Decide an amendment that carries the whole declaration (CEB) like any other; answer
        /// cancellations and amendments that carry only changes (WCO) with a
        /// ``DeclarationError/Code/needsHistory`` error, since nothing earlier is kept.
        case decideWithoutHistory
        /// Hand every amendment and cancellation back as a ``DecisionRecord/change(_:decodeMicroseconds:)``
        /// record (the service resolves them against its decision log), and keep each decided
        /// declaration in its decision (``Decision/declaration``) for the log to store.
        case holdBack
    }

    private let decoder: any MessageDecoder
    private let changes: ChangeHandling
    // `@exclusivity(unchecked)`: one worker's, one call at a time
    // (docs/architecture.md, "No runtime access checks on the hot path").
    /// The scorer, bound to the profile it was made for.
    @exclusivity(unchecked) public private(set) var scorer: Scorer
    @exclusivity(unchecked) private var records: [DecodedRecord] = []

    /// Creates a decider with its decoder and a scorer for `profile`.
    public init(
        decoder: any MessageDecoder, profile: CompiledProfile, changes: ChangeHandling = .decideWithoutHistory
    ) {
        self.decoder = decoder
        self.changes = changes
        scorer = Scorer(profile: profile)
    }

    /// How many messages the last frame decided held.
    public var messagesInLastFrame: Int { decoder.messagesInLastFrame }

    /// Decides every declaration of a message, in document order.
    ///
    /// - Parameters:
    ///   - frame: the message.
    ///   - profile: the profile to score against (a new scorer is made when it changes).
    ///   - receivedAt: the time for declarations that state none.
    ///   - drawnAt: the time whose period random selection draws in (the service's receipt
    ///     time); the declaration's own time when `nil`. A declaration whose draw needs a seed
    ///     that was not given is answered with a ``DeclarationError/Code/seedMissing`` error.
    ///   - state: the reference state rules naming evidence are judged against; what each
    ///     declaration writes off is taken from it before the next declaration of the message
    ///     is scored, so that their figures follow on. A decision that rests on lots keeps its
    ///     declaration (``Decision/declaration``), so that the caller can decide it again against
    ///     the lots' balances in input order.
    ///   - visit: called with each decision or error record, which it owns (and can keep
    ///     without copying it).
    public func decide(
        _ frame: MessageFrame, profile: CompiledProfile, receivedAt: CivilTime, drawnAt: CivilTime? = nil,
        state: ReferenceState? = nil, _ visit: (consuming DecisionRecord) -> Void
    ) {
        if scorer.profile !== profile { scorer = Scorer(profile: profile) }
        records.removeAll(keepingCapacity: true)
        if let problem = frame.problem {
            records.append(.error(problem))
        } else {
            decoder.decode(frame, into: &records)
        }
        var state = state
        // Taken from the back of the reversed list, each record is moved out, not copied. (The
        // buffer's reverse moves elements; the array's would copy each one and release it.)
        records.withUnsafeMutableBufferPointer { $0.reverse() }
        while let record = records.popLast() {
            // One pattern per case: a second pattern for the same case (`where` on the first)
            // copies the declaration to try it.
            switch consume record {
            case .declaration(let declaration, let decodeMicroseconds):
                if declaration.function != .original {
                    let change = change(
                        declaration, decodeMicroseconds: decodeMicroseconds, receivedAt: receivedAt,
                        drawnAt: drawnAt, state: state)
                    if case .decision(let decision) = change { state?.takeOff(decision.writeOffs) }
                    visit(change)
                    continue
                }
                var decision = scorer.score(
                    declaration, receivedAt: receivedAt, drawnAt: drawnAt, decodeMicroseconds: decodeMicroseconds,
                    state: state)
                if decision.sampling.seedMissing {
                    visit(.error(.seedMissing(decision, position: declaration.position)))
                    continue
                }
                if case .holdBack = changes { decision.declaration = declaration }
                if state != nil, decision.restsOnLots { decision.declaration = declaration }
                if !decision.writeOffs.isEmpty { state?.takeOff(decision.writeOffs) }
                visit(.decision(decision))
            case .error(let error):
                visit(.error(error))
            }
        }
    }

    private func change(
        _ declaration: Declaration, decodeMicroseconds: Double, receivedAt: CivilTime, drawnAt: CivilTime?,
        state: ReferenceState?
    ) -> DecisionRecord {
        switch changes {
        case .holdBack:
            return .change(declaration, decodeMicroseconds: decodeMicroseconds)
        case .decideWithoutHistory:
            if declaration.function == .amendment, !declaration.carriesChangesOnly {
                var decision = scorer.score(
                    declaration, receivedAt: receivedAt, drawnAt: drawnAt, decodeMicroseconds: decodeMicroseconds,
                    state: state)
                if decision.sampling.seedMissing {
                    return .error(.seedMissing(decision, position: declaration.position))
                }
                if state != nil, decision.restsOnLots { decision.declaration = declaration }
                return .decision(decision)
            }
            let what =
                declaration.function == .cancellation
                ? "a cancellation withdraws an earlier decision"
                : "this amendment carries only its changes and must be merged with the declaration it amends"
            return .error(
                DeclarationError(
                    code: .needsHistory, position: declaration.position, messageID: declaration.messageID,
                    declarationID: declaration.id,
                    reason:
                        "\(what) (\(declaration.amends)), and `fastrelease score` keeps no decisions; send it to the service (`fastrelease serve`), which does"
                ))
        }
    }
}

@available(*, unavailable, message: "a MessageDecider keeps a parser and scratch state; make one per worker")
extension MessageDecider: Sendable {}
