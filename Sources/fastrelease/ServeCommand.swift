import ArgumentParser
import Configuration
import Dispatch
import FastReleaseCore
import FastReleaseServer
import FastReleaseStore
import Foundation
import Hummingbird
import Logging
import ServiceLifecycle
import SystemPackage

/// `fastrelease serve`: the gateway service.
struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Run the HTTP service that decides declarations for port gateways.",
        discussion: """
            Settings come from these flags, then FASTRELEASE_* environment variables, then the YAML \
            file given by --config, then defaults; docs/service.md lists every key. SIGTERM and \
            SIGINT finish the accepted work and stop; SIGHUP proposes the profile folder for another \
            operator's approval (profile.approvals; with 0 it reloads it at once). A profile with errors \
            is refused and the version in force keeps serving.
            """)

    @Option(help: "A YAML settings file.")
    var config: String?

    @Option(help: "Address to listen on (http.host).")
    var host: String?

    @Option(help: "Port to listen on; 0 picks a free one (http.port).")
    var port: Int?

    @Option(help: "Risk profile directory (profile.path).")
    var profile: String?

    @Option(help: "The seeds file of random selection (sampling.seeds; default FASTRELEASE_SEEDS, else PROFILE.seeds).")
    var seeds: String?

    @Option(help: "Decision log: sqlite or postgres (store.kind).")
    var store: String?

    @Option(help: "SQLite decision log file (store.sqlite.path).")
    var sqlitePath: String?

    @Option(help: "Log lines as text (the default) or json, one object per line (log.format).")
    var logFormat: String?

    @Flag(help: "Accept requests without a token, as an operator. For development only (auth.open).")
    var authOpen = false

    func run() async throws {
        var values: [AbsoluteConfigKey: ConfigValue] = [:]
        if let host { values["http.host"] = .init(.string(host), isSecret: false) }
        if let port { values["http.port"] = .init(.int(port), isSecret: false) }
        if let profile { values["profile.path"] = .init(.string(profile), isSecret: false) }
        if let seeds { values["sampling.seeds"] = .init(.string(seeds), isSecret: true) }
        if let store { values["store.kind"] = .init(.string(store), isSecret: false) }
        if let sqlitePath { values["store.sqlite.path"] = .init(.string(sqlitePath), isSecret: false) }
        if let logFormat { values["log.format"] = .init(.string(logFormat), isSecret: false) }
        if authOpen { values["auth.open"] = .init(.bool(true), isSecret: false) }
        var providers: [any ConfigProvider] = [
            InMemoryProvider(name: "flags", values: values),
            EnvironmentVariablesProvider().prefixKeys(with: "fastrelease"),
        ]
        if let config {
            do {
                providers.append(try await FileProvider<YAMLSnapshot>(filePath: FilePath(config)))
            } catch {
                throw ValidationError("cannot read the settings file \(config): \(error)")
            }
        }
        // Last: the default profile, in this folder or where scripts/install.sh put it.
        providers.append(
            InMemoryProvider(
                name: "defaults",
                values: ["profile.path": .init(.string(ProfileOption.defaultDirectory), isSecret: false)]))
        let reader = ConfigReader(providers: providers)
        let settings: ServerSettings
        do {
            settings = try ServerSettings(reader: reader)
        } catch {
            throw ValidationError(error.description)
        }
        let open = reader.bool(forKey: "auth.open", default: false)
        if settings.tokens.isEmpty, !open {
            throw ValidationError("no access tokens: set auth.tokens (role:name:token), or --auth-open for development")
        }
        let level = Logger.Level(rawValue: settings.logLevel) ?? .info
        let json = settings.logFormat == "json"
        LoggingSystem.bootstrap { label in
            if json { return JSONLogHandler(label: label, level: level) }
            return TextLogHandler(label: label, level: level)
        }
        let logger = Logger(label: "fastrelease")
        let compiled = try ProfileOption.load(settings.profilePath, seeds: settings.seedsPath)
        let now = CivilTime.now(offsetSeconds: compiled.source.timeZoneOffsetSeconds)
        switch compiled.source.sampling.readiness(at: now) {
        case .ready: break
        case .soonMissing(let message):
            logger.warning("sampling seed missing for the next period", metadata: ["sampling.problem": "\(message)"])
        case .missing(let message):
            FileDescriptorSink.standardError.print("fastrelease: \(message)")
            throw ExitCode(2)
        }
        let (log, services, prepare) = try openLog(settings, logger: logger)
        // The folder's profile until the store's version in force is put in place, before listening.
        let live = LiveProfile(compiled)
        let (application, _) = ServiceApplication.make(
            settings: settings, profile: live, log: log, logger: logger, authOpen: open,
            services: services, reloadOnHangup: true, beforeServerStarts: prepare,
            onServerRunning: { port in
                logger.notice(
                    "listening",
                    metadata: [
                        "http.host": "\(settings.host)", "http.port": "\(port)",
                        "profile.version": "\(live.current.version)",
                        "store.kind": "\(settings.storeKind.rawValue)",
                    ])
            })
        try await application.runService()
    }

    private func openLog(_ settings: ServerSettings, logger: Logger) throws -> (
        any DecisionLog, [any Service], @Sendable () async throws -> Void
    ) {
        switch settings.storeKind {
        case .sqlite:
            let synchronous: SQLiteDecisionLog.Synchronous = settings.sqliteSynchronous == "normal" ? .normal : .full
            let log = try SQLiteDecisionLog(path: settings.sqlitePath, synchronous: synchronous) {
                logger.notice("\($0)")
            }
            return (log, [], {})
        case .postgres:
            #if PostgreSQL
                let postgres = settings.postgres
                let log = PostgresDecisionLog(
                    connection: .init(
                        host: postgres.host, port: postgres.port, username: postgres.user, password: postgres.password,
                        database: postgres.database),
                    logger: logger)
                return (log, [log], { try await log.prepare() })
            #else
                throw ValidationError(BuildTraits.postgresLeftOut)
            #endif
        }
    }
}
