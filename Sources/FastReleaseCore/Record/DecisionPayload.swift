/// A decision as JSON: what `score` writes per line, what the service stores and answers, and
/// what every reader of the decision log reads back.
///
/// One type serves all of them. The hot path writes it with ``JSONLinesEncoder`` (bytes,
/// no `Encodable` machinery); everything else reads and writes it through `Codable`, and a test
/// proves that the two agree for every kind of decision. A decision made by scoring has every
/// member; a withdrawal (a cancellation) has only identity, ``reason``, ``revision``,
/// ``version`` and ``withdraws``. The members are listed in `docs/profiles.md` ("Decisions").
///
/// ```swift
/// let payload = try DecisionPayload.decode(stored.payload)
/// let rules = payload.hits?.map(\.rule) ?? []
/// ```
public struct DecisionPayload: Sendable, Hashable, Codable {
    /// The declaration's identifier.
    public var declaration: String
    /// The declarant's code.
    public var declarant: String
    /// The carrying message's identifier.
    public var message: String
    /// The message format, such as `CEB621`.
    public var format: String
    /// Import or export (not stated by a withdrawal).
    public var direction: Direction?
    /// Original, amendment or cancellation.
    public var function: DeclarationFunction
    /// The lane, or `withdrawn`.
    public var lane: RecordedLane
    /// What decided the lane: `default`, `threshold`, `rule:ID` or `sampling`.
    public var laneSource: String?
    /// The sum of the weights of the rules that fired.
    public var score: Int?
    /// The rules that fired, in profile order.
    public var hits: [Hit]?
    /// Laboratory tests required.
    public var labTests: [String]?
    /// What the decision wrote off raw-material lots; absent when nothing.
    public var writeOffs: [LotWriteOff]?
    /// The random-selection draw.
    public var sampling: Sampling?
    /// When the port ran below an expected rate and the declaration was drawn up to it.
    public var topUp: TopUpDraw?
    /// The examiner drawn, for a declaration in an inspection lane when a roster was given.
    public var examiner: ExaminerAssignment?
    /// The responsible enterprise as the register knows it.
    public var enterprise: Enterprise?
    /// The data issues the decoder noted; absent when there were none.
    public var issues: [DataIssue]?
    /// The profile version that decided.
    public var profile: String?
    /// The time validity windows and sampling were judged at (`2026-03-15T15:35:55`).
    public var asOf: String?
    /// Microseconds spent, rounded to tenths.
    public var timing: Timing?
    /// When the service received the message, milliseconds since 1970 (service only).
    public var receivedMilliseconds: Int64?
    /// Why a declaration was withdrawn, as the cancellation states it (withdrawals only).
    public var reason: String?
    /// The revision's own reference (amendments and withdrawals).
    public var revision: String?
    /// The revision's number: 1 for the original, 2 for the first change, … (changes only).
    public var version: Int?
    /// The revision an amendment replaced.
    public var supersedes: RevisionSummary?
    /// The revision a cancellation withdrew.
    public var withdraws: RevisionSummary?

    /// One rule that fired.
    public struct Hit: Sendable, Hashable, Codable {
        /// The rule's id.
        public var rule: String
        /// Its weight.
        public var weight: Int
        /// The lane it forces, if any.
        public var lane: Lane?
        /// Its reason, as the profile writes it, for officers.
        public var reason: String
        /// What the trader may be told (the rule's `trader:`); absent for nothing.
        public var notice: String?
        /// The goods lines it matched, absent for declaration-level rules.
        public var items: [Int]?
        /// `true` when evidence satisfied the rule's tests (its weight, lane and tests did not
        /// apply); absent otherwise.
        public var waived: Bool?
        /// What the reference state showed, for rules that name evidence.
        public var evidence: [Evidence]?

        /// Creates a hit.
        public init(
            rule: String, weight: Int, lane: Lane?, reason: String, notice: String? = nil, items: [Int]?,
            waived: Bool? = nil, evidence: [Evidence]? = nil
        ) {
            self.rule = rule
            self.weight = weight
            self.lane = lane
            self.reason = reason
            self.notice = notice
            self.items = items
            self.waived = waived
            self.evidence = evidence
        }
    }

    /// One finding about a rule's evidence (see ``EvidenceFinding``).
    public struct Evidence: Sendable, Hashable, Codable {
        /// `lot`, `supplier` or `monitoring`.
        public var kind: EvidenceKind
        /// Whether it satisfied the rule's tests.
        public var satisfied: Bool
        /// The lot, supplier or enterprise.
        public var subject: String
        /// What it showed, in a sentence.
        public var detail: String
        /// A lot's quantity written off.
        public var writtenOff: Double?
        /// A lot's quantity left.
        public var left: Double?
        /// A lot's unit.
        public var unit: String?
        /// The result date relied on or that ended the exemption.
        public var testedOn: String?

        /// Creates a finding.
        public init(_ finding: EvidenceFinding) {
            kind = finding.kind
            satisfied = finding.satisfied
            subject = finding.subject
            detail = finding.detail
            writtenOff = finding.writtenOff
            left = finding.left
            unit = finding.unit.isEmpty ? nil : finding.unit
            testedOn = finding.testedOn
        }

        enum CodingKeys: String, CodingKey {
            case kind, satisfied, subject, detail, writtenOff = "written_off", left, unit, testedOn = "tested_on"
        }
    }

    /// The random-selection draw.
    public struct Sampling: Sendable, Hashable, Codable {
        /// The credit class the rate was chosen by.
        public var `class`: String
        /// The rate that applied.
        public var rate: Double
        /// The draw in `[0, 1)`; absent when the period's seed was not given.
        public var draw: Double?
        /// Whether it was drawn.
        public var drawn: Bool
        /// The seed's period.
        public var period: String
        /// What the draw was keyed on (``ConsignmentKey``); absent in records made before it.
        public var key: String?

        /// Creates a draw record.
        public init(class: String, rate: Double, draw: Double?, drawn: Bool, period: String, key: String? = nil) {
            self.class = `class`
            self.rate = rate
            self.draw = draw
            self.key = key
            self.drawn = drawn
            self.period = period
        }
    }

    /// The enterprise as the register knows it; `role` and `list` are written as `null` when absent.
    public struct Enterprise: Sendable, Hashable, Codable {
        /// The code looked up.
        public var code: String
        /// Which party it is.
        public var role: PartyRole?
        /// Credit class 1-4.
        public var `class`: Int
        /// Red or black list.
        public var list: EnterpriseList?
        /// Demonstration zone.
        public var zone: String
        /// Whether the register has it.
        public var registered: Bool

        /// Creates an enterprise record.
        public init(code: String, role: PartyRole?, class: Int, list: EnterpriseList?, zone: String, registered: Bool) {
            self.code = code
            self.role = role
            self.class = `class`
            self.list = list
            self.zone = zone
            self.registered = registered
        }

        public func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(code, forKey: .code)
            try container.encode(role, forKey: .role)
            try container.encode(`class`, forKey: .class)
            try container.encode(list, forKey: .list)
            try container.encode(zone, forKey: .zone)
            try container.encode(registered, forKey: .registered)
        }
    }

    /// Decoding and scoring time, microseconds rounded to tenths.
    public struct Timing: Sendable, Hashable, Codable {
        /// Decoding time.
        public var decodeMicroseconds: Double
        /// Scoring time.
        public var scoreMicroseconds: Double

        /// Creates a timing record.
        public init(decodeMicroseconds: Double, scoreMicroseconds: Double) {
            self.decodeMicroseconds = decodeMicroseconds
            self.scoreMicroseconds = scoreMicroseconds
        }

        enum CodingKeys: String, CodingKey {
            case decodeMicroseconds = "decode_us", scoreMicroseconds = "score_us"
        }
    }

    enum CodingKeys: String, CodingKey {
        case declaration, declarant, message, format, direction, function, lane
        case laneSource = "lane_source", score, hits, labTests = "lab_tests", writeOffs = "write_offs", sampling,
            topUp = "top_up", examiner, enterprise, issues, profile
        case asOf = "as_of", timing, receivedMilliseconds = "received_ms", reason, revision, version, supersedes
        case withdraws
    }
}

extension DecisionPayload {
    /// Reads a payload from its JSON text.
    public static func decode(_ json: String) throws -> DecisionPayload {
        try PayloadCoding.decode(DecisionPayload.self, from: json)
    }

    /// The payload as JSON text (keys sorted), for records written off the hot path.
    public func encoded() throws -> String {
        try PayloadCoding.text(of: self)
    }

    /// The time the decision judged validity windows and sampling at.
    public var asOfTime: CivilTime? { asOf.flatMap { CivilTime(iso: $0) } }

    /// `rule: reason` for each rule that fired.
    public var reasons: [String] { (hits ?? []).map { "\($0.rule): \($0.reason)" } }
}
