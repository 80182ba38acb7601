public import FastReleaseCore

/// Re-scores past declarations with a new profile (and a baseline: another profile, or what was
/// decided then) and measures what the change would do.
///
/// A declaration counts as *inspected* when its lane is `sample-release`, `inspect-release` or
/// `hold` (goods are looked at); `document` is a desk review. Hit rate is nonconforming
/// declarations found per inspected declaration with a recorded result; capture is the share of
/// known nonconforming declarations (any inspection found them so) that the profile would inspect.
public final class Replay {
    let profile: CompiledProfile
    let baseline: CompiledProfile?
    private let scorer: Scorer
    private let baselineScorer: Scorer?
    private let desk: SelectionDesk?
    /// The measures so far.
    public private(set) var report = ReplayReport()

    /// Creates a replay of `profile`, compared with `baseline` when given, else with the lanes
    /// decided then.
    public init(profile: CompiledProfile, baseline: CompiledProfile?) {
        self.profile = profile
        self.baseline = baseline
        scorer = Scorer(profile: profile)
        baselineScorer = baseline.map { Scorer(profile: $0) }
        desk = profile.source.sampling.expected.isEmpty ? nil : SelectionDesk(policy: profile.source.sampling)
        report.expected = profile.source.sampling
        report.profileVersion = profile.version
        report.baselineVersion = baseline?.version ?? "as decided"
    }

    /// Whether a lane sends the goods to be looked at.
    public static func inspects(_ lane: Lane) -> Bool { lane >= .sampleRelease }

    /// Adds one past declaration; past declarations are added in the order they were decided, so
    /// that expected rates are drawn up to as they would have been.
    public func add(_ past: PastDeclaration) {
        var decision = scorer.score(past.declaration, receivedAt: past.asOf, drawnAt: past.drawnAt)
        desk?.settle(&decision, roster: [])
        report.rates.count(port: decision.port, lane: decision.lane, toppedUp: decision.topUp != nil)
        let before =
            baselineScorer.map { $0.score(past.declaration, receivedAt: past.asOf, drawnAt: past.drawnAt).lane }
            ?? past.decidedLane
        let creditClass = decision.enterprise.list?.rawValue ?? String(decision.enterprise.creditClass)
        report.count(
            decision: decision, baselineLane: before, creditClass: creditClass, nonconforming: past.nonconforming)
    }
}
