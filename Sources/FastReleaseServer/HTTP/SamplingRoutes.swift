import FastReleaseCore
import Hummingbird

/// `GET /v1/sampling` (public: no token needed): the commitments the profile in force publishes,
/// one per month, and the seed of every month that has ended, revealed, so that anyone may
/// recompute that month's draws (docs/profiles.md, "Random selection"). The seed of the current
/// month, or of one to come, is never shown.
///
/// ```json
/// {"periods": [{"period": "2026-11", "commitment": "ec9092…", "seed": "4f1c…"},
///              {"period": "2026-12", "commitment": "1375ff…"}]}
/// ```
struct SamplingRoutes {
    let profile: LiveProfile
    let clock: WallClock

    /// One month's publication.
    struct Period: Encodable {
        let period: String
        let commitment: String
        /// The revealed seed, once the month has ended and the service holds it.
        let seed: String?
    }

    struct Publication: Encodable {
        let periods: [Period]
    }

    func register(on router: RouteTable) {
        router.get("/v1/sampling") { _, _ in
            let policy = profile.current.source.sampling
            let now = clock.civil(offsetSeconds: profile.current.source.timeZoneOffsetSeconds)
            let periods = policy.commitments.sorted { $0.key < $1.key }.map { period, commitment in
                let ended = CivilTime(iso: period + "-01").map { $0.yearMonth < now.yearMonth } ?? false
                return Period(
                    period: period, commitment: commitment,
                    seed: ended ? policy.seeds.byPeriod[period] : nil)
            }
            return try JSONResponse.make(Publication(periods: periods))
        }
    }
}
