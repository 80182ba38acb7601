/// What a gateway, a trader's system, is told of a decision: the lane, what the trader must do,
/// and a reference to quote. Never the rules that fired, their weights, the score, the reasons
/// written for officers, the evidence, or the random draw: a trader who could read those would
/// know what to change to be released. Viewers and operators get the full decision.
///
/// What the trader must do is the lane's instruction, then, in profile order, the notices of
/// the rules that applied (their `trader:` text in the profile; a rule without one tells
/// nothing). After laboratory results, the goods' new status.
///
/// ```swift
/// let answer = TraderAnswer(stored: stored, replay: false, notices: ["present the CCC certificate"])
/// print(answer.lane, answer.actions)
/// ```
public struct TraderAnswer: Sendable, Hashable, Codable {
    /// Whether the decision was stored by an earlier send.
    public var replay: Bool
    /// The declaration's identifier.
    public var declaration: String
    /// The declarant's code.
    public var declarant: String
    /// The carrying message's identifier.
    public var message: String
    /// Original, amendment or cancellation.
    public var function: DeclarationFunction
    /// The lane, or `withdrawn`.
    public var lane: RecordedLane
    /// The reference to quote: the MRN for a WCO declaration, else `declarant/id` (with the
    /// revision of a change).
    public var reference: String
    /// What the trader must do, in order.
    public var actions: [String]
    /// After laboratory results: `released` or `nonconforming`.
    public var goods: String?

    /// The answer for a recorded decision.
    ///
    /// - Parameters:
    ///   - stored: the decision as the log holds it.
    ///   - replay: whether an earlier send stored it.
    ///   - notices: the notices of the rules that applied (``notices(of:)``).
    ///   - verdict: what laboratory results made of the goods since, if anything.
    public init(stored: StoredDecision, replay: Bool, notices: [String], verdict: LabVerdict? = nil) {
        self.replay = replay
        declaration = stored.key.declarationID
        declarant = stored.key.declarant
        message = stored.messageID
        function = stored.function
        lane = stored.lane
        reference = stored.reference.isEmpty ? stored.key.description : stored.reference
        if let verdict {
            actions = [verdict.sentence]
            goods = verdict.status
        } else {
            actions = [Self.instruction(for: stored.lane)] + notices
            goods = nil
        }
    }

    /// The answer for an answered decision; the notices are read from its payload.
    public init(_ answered: AnsweredDecision) {
        let notices = answered.traderNotices ?? (try? answered.stored.decodedPayload()).map(Self.notices(of:)) ?? []
        self.init(stored: answered.stored, replay: answered.replay, notices: notices, verdict: answered.verdict)
    }

    /// The notices of the rules that applied (not waived), once each, in profile order.
    public static func notices(of payload: DecisionPayload) -> [String] {
        unique((payload.hits ?? []).filter { $0.waived != true }.compactMap(\.notice))
    }

    /// The notices of the rules that applied to a decision, once each, in profile order.
    public static func notices(of decision: Decision) -> [String] {
        // Through the buffer: filtering the hits would copy each one (its strings and arrays
        // retained), though most rules have no notice.
        var notices: [String] = []
        decision.hits.withUnsafeBufferPointer { hits in
            for index in hits.indices where !hits[index].waived && !hits[index].traderNotice.isEmpty {
                notices.append(hits[index].traderNotice)
            }
        }
        return unique(notices)
    }

    /// What a lane asks of the trader.
    public static func instruction(for lane: RecordedLane) -> String {
        switch lane {
        case .withdrawn: "withdrawn: the declaration was cancelled"
        case .decided(.release): "released: nothing to do"
        case .decided(.document): "present the documents of the declaration for review; the goods are released after it"
        case .decided(.sampleRelease): "samples will be taken for the laboratory; the goods are released once sampled"
        case .decided(.inspectRelease): "present the goods for inspection; they are released after it"
        case .decided(.hold): "present the goods for inspection; they are held until laboratory results"
        }
    }

    /// The answer as one JSON object (without a line break).
    public func appendJSON(into out: inout [UInt8]) {
        out.append(
            contentsOf: (replay ? "{\"replay\":true,\"declaration\":" : "{\"replay\":false,\"declaration\":").utf8)
        out.append(jsonString: declaration)
        out.append(contentsOf: ",\"declarant\":".utf8)
        out.append(jsonString: declarant)
        out.append(contentsOf: ",\"message\":".utf8)
        out.append(jsonString: message)
        out.append(contentsOf: ",\"function\":".utf8)
        out.append(jsonString: function.rawValue)
        out.append(contentsOf: ",\"lane\":".utf8)
        out.append(jsonString: lane.name)
        out.append(contentsOf: ",\"reference\":".utf8)
        out.append(jsonString: reference)
        out.append(contentsOf: ",\"actions\":[".utf8)
        for (index, action) in actions.enumerated() {
            if index > 0 { out.append(UInt8(ascii: ",")) }
            out.append(jsonString: action)
        }
        out.append(UInt8(ascii: "]"))
        if let goods {
            out.append(contentsOf: ",\"goods\":".utf8)
            out.append(jsonString: goods)
        }
        out.append(UInt8(ascii: "}"))
    }

    private static func unique(_ notices: [String]) -> [String] {
        guard notices.count > 1 else { return notices }
        var seen = Set<String>()
        return notices.filter { seen.insert($0).inserted }
    }
}
