public import Configuration
import FastReleaseCore
public import FastReleaseXML
import Foundation

/// Everything `fastrelease serve` can be told, read from a `ConfigReader`.
///
/// The command line builds the reader from, in order of precedence: its flags, environment
/// variables (`FASTRELEASE_` and the key in upper case with `_`, e.g. `http.port` is
/// `FASTRELEASE_HTTP_PORT`), the YAML file given by `--config`, and the defaults below.
/// `docs/service.md` lists the same keys.
public struct ServerSettings: Sendable {
    /// Which decision log to use.
    public enum StoreKind: String, Sendable {
        /// One SQLite file (embedded, the default).
        case sqlite
        /// A PostgreSQL database shared by several instances.
        case postgres
    }

    /// `http.host` (default `127.0.0.1`): the address to listen on.
    public var host: String
    /// `http.port` (default `8080`; `0` picks a free port): the port to listen on.
    public var port: Int
    /// `profile.path` (default `Profiles/default`): the risk profile directory.
    public var profilePath: String
    /// `profile.approvals` (default 1): how many operators other than the proposer must approve a
    /// profile change before it is put in force; 0 puts a change in force at once (development).
    public var approvals: Int
    /// `sampling.seeds` (secret path; default `FASTRELEASE_SEEDS`, else `PROFILE.seeds` beside the
    /// profile folder): the seeds file of random selection (docs/profiles.md).
    public var seedsPath: String?
    /// `store.kind` (`sqlite` or `postgres`, default `sqlite`).
    public var storeKind: StoreKind
    /// `store.sqlite.path` (default `fastrelease-decisions.sqlite`).
    public var sqlitePath: String
    /// `store.sqlite.synchronous` (`full` or `normal`, default `full`): `full` survives power loss.
    public var sqliteSynchronous: String
    /// `store.postgres.host`, `.port` (5432), `.user`, `.password` (secret), `.database`.
    public var postgres: (host: String, port: Int, user: String, password: String?, database: String)
    /// `store.maxBatchRows` (default 5000): the most decisions written in one transaction.
    public var maxBatchRows: Int
    /// `limits.requestBytes` (default 16 MiB): the largest request body answered as one JSON or
    /// XML document (413 past it). Streams (`application/x-ndjson`) have no total limit.
    public var maxRequestBytes: Int
    /// `limits.messageBytes` (default 16 MiB), `limits.depth` (32), `limits.textBytes` (64 KiB),
    /// `limits.declarationsPerMessage` (1000), `limits.itemsPerDeclaration` (1000): XML limits.
    public var xmlLimits: XMLLimits
    /// `engine.workers` (default: the number of cores): threads that decode and score.
    public var workers: Int
    /// `engine.queueDepth` (default 1024): messages that may wait for a worker before requests
    /// are answered 503 with `Retry-After`.
    public var queueDepth: Int
    /// `stream.window` (default 8): messages of one streaming request decided at once.
    public var streamWindow: Int
    /// `auth.tokens` (secret; a list of `role:name:token`, roles `gateway`, `viewer`, `inspector`, `laboratory`, `operator`).
    public var tokens: [AccessToken]
    /// `metrics.public` (default `true`): whether `/metrics` needs no token.
    public var publicMetrics: Bool
    /// `log.level` (default `info`): `trace`, `debug`, `info`, `notice`, `warning`, `error`.
    public var logLevel: String
    /// `log.format` (`text`, the default, or `json`: one JSON object per line, ``JSONLogHandler``).
    public var logFormat: String

    /// Reads the settings; a bad value is reported with its key.
    public init(reader: ConfigReader) throws(SettingsError) {
        host = reader.string(forKey: "http.host", default: "127.0.0.1")
        port = reader.int(forKey: "http.port", default: 8080)
        profilePath = reader.string(forKey: "profile.path", default: "Profiles/default")
        seedsPath = reader.string(forKey: "sampling.seeds")
        approvals = reader.int(forKey: "profile.approvals", default: 1)
        guard (0...5).contains(approvals) else {
            throw SettingsError("profile.approvals must be from 0 to 5, found \(approvals)")
        }
        let kind = reader.string(forKey: "store.kind", default: "sqlite")
        guard let storeKind = StoreKind(rawValue: kind) else {
            throw SettingsError("store.kind must be sqlite or postgres, found `\(kind)`")
        }
        self.storeKind = storeKind
        sqlitePath = reader.string(forKey: "store.sqlite.path", default: "fastrelease-decisions.sqlite")
        sqliteSynchronous = reader.string(forKey: "store.sqlite.synchronous", default: "full")
        guard ["full", "normal"].contains(sqliteSynchronous) else {
            throw SettingsError("store.sqlite.synchronous must be full or normal, found `\(sqliteSynchronous)`")
        }
        postgres = (
            reader.string(forKey: "store.postgres.host", default: "127.0.0.1"),
            reader.int(forKey: "store.postgres.port", default: 5432),
            reader.string(forKey: "store.postgres.user", default: "postgres"),
            reader.string(forKey: "store.postgres.password", isSecret: true),
            reader.string(forKey: "store.postgres.database", default: "fastrelease")
        )
        maxBatchRows = reader.int(forKey: "store.maxBatchRows", default: 5000)
        maxRequestBytes = reader.int(forKey: "limits.requestBytes", default: 16 << 20)
        let defaults = XMLLimits()
        xmlLimits = XMLLimits(
            maxMessageBytes: reader.int(forKey: "limits.messageBytes", default: defaults.maxMessageBytes),
            maxDepth: reader.int(forKey: "limits.depth", default: defaults.maxDepth),
            maxTextBytes: reader.int(forKey: "limits.textBytes", default: defaults.maxTextBytes),
            maxDeclarationsPerMessage: reader.int(
                forKey: "limits.declarationsPerMessage", default: defaults.maxDeclarationsPerMessage),
            maxItemsPerDeclaration: reader.int(
                forKey: "limits.itemsPerDeclaration", default: defaults.maxItemsPerDeclaration))
        workers = reader.int(forKey: "engine.workers", default: ProcessorCount.active)
        queueDepth = reader.int(forKey: "engine.queueDepth", default: 1024)
        streamWindow = reader.int(forKey: "stream.window", default: 8)
        var tokens: [AccessToken] = []
        for entry in reader.stringArray(forKey: "auth.tokens", isSecret: true) ?? [] {
            tokens.append(try AccessToken(parsing: entry))
        }
        self.tokens = tokens
        publicMetrics = reader.bool(forKey: "metrics.public", default: true)
        logLevel = reader.string(forKey: "log.level", default: "info")
        logFormat = reader.string(forKey: "log.format", default: "text")
        guard ["text", "json"].contains(logFormat) else {
            throw SettingsError("log.format must be text or json, found `\(logFormat)`")
        }
        for (key, value) in [
            ("http.port", port), ("store.maxBatchRows", maxBatchRows), ("limits.requestBytes", maxRequestBytes),
            ("engine.workers", workers), ("engine.queueDepth", queueDepth), ("stream.window", streamWindow),
        ] where value < (key == "http.port" ? 0 : 1) {
            throw SettingsError("\(key) must be a positive number, found \(value)")
        }
    }
}
