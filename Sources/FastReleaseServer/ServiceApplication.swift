public import FastReleaseCore
import FastReleaseFiles
public import FastReleaseStore
import Foundation
public import Hummingbird
public import Logging
public import ServiceLifecycle

/// Builds the FastRelease HTTP service: routes, authentication, the decision engine and
/// service, on a live profile and a decision log.
///
/// ```swift
/// let (app, _) = ServiceApplication.make(settings: settings, profile: LiveProfile(compiled), log: log, logger: logger)
/// try await app.runService()
/// ```
public enum ServiceApplication {
    /// The parts the application is made of, for tests and the command line.
    public struct Parts: Sendable {
        /// Answers messages.
        public let service: DecisionService
        /// The metrics.
        public let metrics: ServiceMetrics
        /// The profile in force.
        public let profile: LiveProfile
        /// Changes the profile in force and keeps its history.
        public let profiles: ProfileManager
        /// `METHOD /path/{parameter}` of every route, as the OpenAPI document writes them.
        public let routes: [String]
    }

    /// Makes the application and its parts.
    ///
    /// - Parameters:
    ///   - settings: the service settings.
    ///   - profile: the live profile.
    ///   - state: the live reference state (loaded from the log before the server listens).
    ///   - log: the decision log (a `Service` such as ``PostgresDecisionLog`` must run in the same group).
    ///   - logger: the service's logger.
    ///   - authOpen: accept requests without a token, as an operator (development only).
    ///   - services: services to run beside the server (such as the PostgreSQL pool); the
    ///     group commit, the shadow writer, with `reloadOnHangup` the SIGHUP reloader, and for a
    ///     shared log (``ProfileChangeFeed``) the ``ProfileFollower`` are added after them, so that on shutdown the server stops first, then the writers drain,
    ///     then these.
    ///   - clock: the one source of "now" for decisions, inspections, profile changes and receipts.
    ///   - reloadOnHangup: reload the profile folder on SIGHUP.
    ///   - beforeServerStarts: work to finish, with those services running, before listening.
    ///   - onServerRunning: called with the bound port once the server listens.
    public static func make(
        settings: ServerSettings, profile: LiveProfile, state: LiveState = LiveState(), log: any DecisionLog,
        logger: Logger,
        authOpen: Bool = false, services: [any Service] = [], clock: WallClock = .system,
        reloadOnHangup: Bool = false,
        beforeServerStarts: @escaping @Sendable () async throws -> Void = {},
        onServerRunning: @escaping @Sendable (Int) async -> Void = { _ in }
    ) -> (application: some ApplicationProtocol, parts: Parts) {
        let metrics = ServiceMetrics()
        let engine = DecisionEngine(
            profile: profile, reference: state, workers: settings.workers, queueDepth: settings.queueDepth,
            limits: settings.xmlLimits,
            onQueueChange: { metrics.queue(depth: $0) })
        let service = DecisionService(
            engine: engine, log: log, maxBatchRows: settings.maxBatchRows, metrics: metrics, clock: clock,
            logger: logger)
        let router = RouteTable(Router(context: ServiceRequestContext.self))
        router.add(middleware: ErrorAnswerMiddleware(table: router))
        router.add(middleware: AuthenticationMiddleware(tokens: settings.tokens, open: authOpen))
        DeclarationRoutes(
            service: service, maxRequestBytes: settings.maxRequestBytes, limits: settings.xmlLimits,
            streamWindow: settings.streamWindow, clock: clock
        ).register(on: router)
        DecisionRoutes(log: log).register(on: router)
        SamplingRoutes(profile: profile, clock: clock).register(on: router)
        InspectionRoutes(log: log, clock: clock).register(on: router)
        LabResultsRoutes(log: log, clock: clock).register(on: router)
        StateRoutes(keeper: service.state, log: log, profile: profile, clock: clock).register(on: router)
        let profiles = ProfileManager(
            live: profile, log: log, directory: settings.profilePath, seeds: settings.seedsPath, clock: clock,
            logger: logger)
        let proposals = ProfileProposals(
            manager: profiles, log: log, directory: settings.profilePath, required: settings.approvals, clock: clock,
            logger: logger)
        ProfileRoutes(manager: profiles, proposals: proposals, shadow: service.shadow, log: log, clock: clock)
            .register(on: router)
        ProposalRoutes(proposals: proposals, log: log).register(on: router)
        DashboardRoutes(
            data: DashboardData(log: log, metrics: metrics, profiles: profiles, shadow: service.shadow, clock: clock)
        ).register(on: router)
        var background: [any Service] = [service.committer, service.shadow, service.state]
        if reloadOnHangup {
            background.append(HangupReloader(profiles: profiles, proposals: proposals, logger: logger))
        }
        if let feed = log as? any ProfileChangeFeed {
            background.append(ProfileFollower(profiles: profiles, shadow: service.shadow, feed: feed))
        }
        OperationsRoutes(service: service, metrics: metrics, publicMetrics: settings.publicMetrics).register(on: router)
        var application = Application(
            router: router.router,
            configuration: .init(address: .hostname(settings.host, port: settings.port), serverName: "FastRelease"),
            services: services + background,
            onServerRunning: { channel in await onServerRunning(channel.localAddress?.port ?? settings.port) },
            logger: logger)
        application.beforeServerStarts {
            try await beforeServerStarts()
            try await profiles.startFromStore()
            await service.shadow.followStore(compile: profiles.compileCandidate)
            try await Self.loadState(service.state, seed: settings.profilePath, logger: logger)
            let now = clock.milliseconds()
            let offset = Int64(profile.current.source.timeZoneOffsetSeconds) * 1000
            try await service.primeSelection(since: (now + offset) / 86_400_000 * 86_400_000 - offset)
        }
        return (
            application,
            Parts(service: service, metrics: metrics, profile: profile, profiles: profiles, routes: router.routes)
        )
    }

    /// Loads the reference state from the log; a log that holds none starts from the profile
    /// folder's `state/` files, when there are any.
    private static func loadState(_ keeper: StateKeeper, seed profilePath: String, logger: Logger) async throws {
        guard let folder = StateFolder.beside(profile: profilePath), let files = try? StateFolder.files(folder) else {
            return try await keeper.refresh()
        }
        if try await keeper.seed(with: files, changedBy: "import:\(folder)") {
            logger.info("reference state started from \(folder)", metadata: ["state.files": "\(files.count)"])
        }
    }
}
