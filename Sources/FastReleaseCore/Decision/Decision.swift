/// The answer for one declaration: its lane, and why.
///
/// Scoring the same declaration with the same profile version and seed gives the same
/// decision, apart from `timing`, which records how long this run took.
public struct Decision: Sendable, Hashable {
    /// The declaration's identifier.
    public var declarationID: String
    /// The declarant's code: with the identifier, what makes a resent declaration the same one.
    public var declarant: String
    /// The carrying message's identifier.
    public var messageID: String
    /// The message format, such as `CEB621`.
    public var format: String
    /// Import or export.
    public var direction: Direction
    /// New, amended or cancelled.
    public var function: DeclarationFunction
    /// The lane: the strongest of the score threshold, forced rule lanes and sampling.
    public var lane: Lane
    /// What decided the lane.
    public var laneSource: LaneSource
    /// The sum of the weights of the rules that fired.
    public var score: Int
    /// The rules that fired, in profile order.
    public var hits: [RuleHit]
    /// Laboratory tests required, sorted, without repeats.
    public var labTests: [String]
    /// What the decision writes off raw-material lots, one entry per lot; empty for none.
    public var writeOffs: [LotWriteOff] = []
    /// The random-selection draw.
    public var sampling: SamplingDraw
    /// The port the declaration names (what expected rates and examiners are counted by).
    public var port: String = ""
    /// When the port ran below an expected rate and this declaration was drawn up to it.
    public var topUp: TopUpDraw? = nil
    /// The examiner drawn, for a declaration in an inspection lane when a roster is given.
    public var examiner: ExaminerAssignment? = nil
    /// The responsible enterprise as the register knows it.
    public var enterprise: EnterpriseStanding
    /// The data issues the decoder noted.
    public var issues: [DataIssue]
    /// The profile version: name and content hash of the compiled profile and its reference data.
    public var profileVersion: String
    /// The time validity windows and sampling periods were judged at.
    public var asOf: CivilTime
    /// Time spent, in microseconds.
    public var timing: Timing
    /// The declaration decided, when the caller keeps it (the service stores it with the
    /// decision, for amendments and replays); `nil` on the command line.
    public var declaration: Declaration? = nil

    /// Whether a rule looked for lot evidence: the decision then depends on what the lots have
    /// left, so it must be decided in input order against their balances.
    public var restsOnLots: Bool { hits.contains { $0.evidence.contains { $0.kind == .lot } } }

    /// Microseconds spent decoding and scoring this declaration.
    public struct Timing: Sendable, Hashable {
        /// Decoding time, from the declaration's start tag to its end tag.
        public var decodeMicroseconds: Double
        /// Scoring time, including sampling.
        public var scoreMicroseconds: Double

        /// Creates a timing record.
        public init(decodeMicroseconds: Double, scoreMicroseconds: Double) {
            self.decodeMicroseconds = decodeMicroseconds
            self.scoreMicroseconds = scoreMicroseconds
        }
    }
}
