/// Writes lots off in input order on the command line: the pipeline's workers score against the
/// state as it was at the start, and every decision that rests on lots is decided again here,
/// one at a time in input order, against what the lots have left by then. The same input and
/// state therefore give the same decisions with one thread or many. Not thread-safe: the
/// pipeline's writer owns it.
final class WriteOffLedger {
    private(set) var state: ReferenceState
    private let initial: ReferenceState
    private let scorer: Scorer

    init(state: ReferenceState, profile: CompiledProfile) {
        self.state = state
        initial = state
        scorer = Scorer(profile: profile)
    }

    /// Decides `decision`'s declaration again against the balances so far and writes off what it
    /// consumes.
    func settle(_ decision: Decision, receivedAt: CivilTime) -> Decision {
        guard let declaration = decision.declaration else { return decision }
        var settled = scorer.score(
            declaration, receivedAt: receivedAt, drawnAt: receivedAt,
            decodeMicroseconds: decision.timing.decodeMicroseconds, state: state)
        state.takeOff(settled.writeOffs)
        settled.declaration = nil
        return settled
    }

    /// Every lot of the state, in id order, with what the run wrote off.
    var balances: [LotBalance] {
        state.lots.keys.sorted().compactMap { id in
            guard let lot = state.lots[id], let before = initial.lots[id] else { return nil }
            return LotBalance(
                lot: id, writtenOff: Quantity.rounded(lot.writtenOff - before.writtenOff),
                left: Quantity.rounded(lot.left), conforming: lot.conformingQuantity, unit: lot.unit)
        }
    }
}

@available(*, unavailable, message: "the pipeline's writer owns the ledger")
extension WriteOffLedger: Sendable {}
