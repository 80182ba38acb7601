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
    /// The random-selection draw.
    public var sampling: SamplingDraw
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

/// How the enterprise register knows the enterprise responsible for a declaration.
public struct EnterpriseStanding: Sendable, Hashable {
    /// The enterprise code that was looked up (empty when the declaration names none).
    public var code: String
    /// Which party it is.
    public var role: PartyRole?
    /// Credit class 1 (most trusted) to 4 (strict supervision).
    public var creditClass: Int
    /// Red or black list, if listed.
    public var list: EnterpriseList?
    /// The quality-safety demonstration zone it belongs to, if any.
    public var zone: String
    /// Whether the register has the enterprise (otherwise the profile's default class applies).
    public var registered: Bool

    /// Creates a standing.
    public init(code: String, role: PartyRole?, creditClass: Int, list: EnterpriseList?, zone: String, registered: Bool)
    {
        self.code = code
        self.role = role
        self.creditClass = creditClass
        self.list = list
        self.zone = zone
        self.registered = registered
    }
}

/// The two lists of the credit system: red (most favourable) and black (strict supervision).
public enum EnterpriseList: String, Sendable, Hashable, CaseIterable {
    /// Rated class 1 twice running with consistently high integrity (红名单).
    case red
    /// Integrity problems; treated as class 4 (黑名单).
    case black
}
