/// A decision, or the error record of a declaration that could not be decided.
public enum DecisionRecord: Sendable {
    /// A decided declaration.
    case decision(Decision)
    /// A declaration or message that could not be decided.
    case error(DeclarationError)
}

/// Decodes one message and scores its declarations: the work of one worker, for the command
/// line pipeline and the service alike. Not thread-safe: one per worker.
public final class MessageDecider {
    private let decoder: any MessageDecoder
    /// The scorer, bound to the profile it was made for.
    public private(set) var scorer: Scorer
    private var records: [DecodedRecord] = []

    /// Creates a decider with its decoder and a scorer for `profile`.
    public init(decoder: any MessageDecoder, profile: CompiledProfile) {
        self.decoder = decoder
        scorer = Scorer(profile: profile)
    }

    /// Decides every declaration of a message, in document order.
    ///
    /// - Parameters:
    ///   - frame: the message.
    ///   - profile: the profile to score against (a new scorer is made when it changes).
    ///   - receivedAt: the time for declarations that state none.
    ///   - visit: called with each decision or error record.
    public func decide(
        _ frame: MessageFrame, profile: CompiledProfile, receivedAt: CivilTime, _ visit: (DecisionRecord) -> Void
    ) {
        if scorer.profile !== profile { scorer = Scorer(profile: profile) }
        records.removeAll(keepingCapacity: true)
        if let problem = frame.problem {
            records.append(.error(problem))
        } else {
            decoder.decode(frame, into: &records)
        }
        for record in records {
            switch record {
            case .declaration(let declaration, let decodeMicroseconds):
                visit(
                    .decision(scorer.score(declaration, receivedAt: receivedAt, decodeMicroseconds: decodeMicroseconds))
                )
            case .error(let error):
                visit(.error(error))
            }
        }
    }
}

@available(*, unavailable, message: "a MessageDecider keeps a parser and scratch state; make one per worker")
extension MessageDecider: Sendable {}
