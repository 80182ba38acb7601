import Configuration
import FastReleaseCore
import FastReleaseFiles
import FastReleaseServer
import FastReleaseStore
import FastReleaseTestSupport
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import InMemoryLogging
import Logging
import NIOCore
import Testing

/// Tokens the test services accept.
enum TestTokens {
    static let gateway = "gateway-token-0000000001"
    static let `operator` = "operator-token-000000001"
    static let viewer = "viewer-token-00000000001"
    static let laboratory = "laboratory-token-0000001"
    static let inspector = "inspector-token-00000001"
    /// Two more operators, to approve what alice (``operator``) proposes.
    static let bob = "operator-token-bob-000001"
    static let carol = "operator-token-carol-0001"
    static let all = [
        "gateway:ningbo-gateway:\(gateway)", "operator:alice:\(`operator`)", "viewer:auditor:\(viewer)",
        "laboratory:wuqiang-lab:\(laboratory)", "inspector:ningbo-examiners:\(inspector)", "operator:bob:\(bob)",
        "operator:carol:\(carol)",
    ]

    static func bearer(_ token: String) -> HTTPFields {
        [.authorization: "Bearer \(token)", .contentType: "application/xml"]
    }
}

/// A FastRelease service on a temporary SQLite log (or a given log), with test tokens.
struct ServiceHarness {
    let folder: TemporaryDirectory
    let settings: ServerSettings
    let log: any DecisionLog
    let logs = InMemoryLogHandler()

    init(_ values: [AbsoluteConfigKey: ConfigValue] = [:], log: (any DecisionLog)? = nil) throws {
        folder = try TemporaryDirectory()
        var all: [AbsoluteConfigKey: ConfigValue] = [
            "http.port": .init(.int(0), isSecret: false),
            "profile.path": .init(.string(Fixtures.defaultProfile.path), isSecret: false),
            "auth.tokens": .init(.stringArray(TestTokens.all), isSecret: true),
            // Changes go in force at once, as most tests are about what a change does; the tests
            // of maker and checker ask for approvals (ProfileProposalTests).
            "profile.approvals": .init(.int(0), isSecret: false),
        ]
        all.merge(values) { $1 }
        settings = try ServerSettings(reader: ConfigReader(provider: InMemoryProvider(values: all)))
        self.log = try log ?? SQLiteDecisionLog(path: folder.url.appendingPathComponent("decisions.sqlite").path)
    }

    /// The application and its parts, logging into `logs`.
    func make() throws -> (application: some ApplicationProtocol, parts: ServiceApplication.Parts) {
        let (profile, _) = try ProfileFolder.load(settings.profilePath)
        var logger = Logger(label: "test") { _ in logs }
        logger.logLevel = .trace
        return ServiceApplication.make(
            settings: settings, profile: LiveProfile(CompiledProfile(profile)), log: log, logger: logger)
    }
}

/// `count` one-declaration CEB621 messages with ids `prefix-0`, `prefix-1`, …
func messages(_ prefix: String, count: Int) -> [String] {
    (0..<count).map { cebMessage(inventory("\(prefix)-\($0)")) }
}

func body(_ text: String) -> ByteBuffer { ByteBuffer(string: text) }

/// The JSON object of a response body.
func json(_ buffer: ByteBuffer) throws -> [String: Any] {
    try JSONSerialization.jsonObject(with: Data(buffer.readableBytesView)) as? [String: Any] ?? [:]
}

/// The JSON objects of a newline-delimited JSON body.
func jsonLines(_ data: Data) throws -> [[String: Any]] {
    try data.split(separator: UInt8(ascii: "\n")).map {
        try JSONSerialization.jsonObject(with: Data($0)) as? [String: Any] ?? [:]
    }
}

#if PostgreSQL
    extension TestPostgres {
        /// Runs `body` with a prepared PostgreSQL decision log on the test server, its pool running.
        static func withLog(_ name: String, _ body: @Sendable (PostgresDecisionLog) async throws -> Void) async throws {
            let log = try makeLog(name)
            try await withThrowingTaskGroup(of: Void.self) { pool in
                pool.addTask { try await log.run() }
                defer { pool.cancelAll() }  // also when the body fails: the pool never ends by itself
                try await log.prepare()
                try await body(log)
            }
        }

        /// A decision log on the test server (in `database`, else the shared test database), not
        /// yet running, logging as `name`.
        static func makeLog(_ name: String, database: String? = nil) throws -> PostgresDecisionLog {
            let settings = try #require(TestPostgres.settings)
            return PostgresDecisionLog(
                connection: .init(
                    host: settings.host, port: settings.port, username: settings.user,
                    database: database ?? settings.database),
                logger: Logger(label: name))
        }

        /// A new, empty database on the test server, for instances that must share a store with
        /// each other only (the profile in force is the store's).
        static func makeDatabase() throws -> String {
            let settings = try #require(TestPostgres.settings)
            let name = "fastrelease_\(UUID().uuidString.prefix(8).lowercased())"
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            process.arguments = [
                ProcessInfo.processInfo.environment["FASTRELEASE_TEST_POSTGRES_PSQL"] ?? "psql", "-q",
                "-h", settings.host, "-p", "\(settings.port)", "-U", settings.user, "-d", settings.database,
                "-c", "CREATE DATABASE \(name)",
            ]
            try process.run()
            process.waitUntilExit()
            try #require(process.terminationStatus == 0, "psql could not create database \(name)")
            return name
        }

        /// Runs `body` with `count` service instances on one PostgreSQL database: each with its own
        /// pool (running, tables prepared), application (started: its profile is the store's;
        /// changes need `approvals`) and test client.
        static func withInstances(
            _ count: Int, database: String? = nil, approvals: Int = 0,
            _ body:
                @Sendable (_ clients: [any TestClientProtocol], _ parts: [ServiceApplication.Parts]) async throws ->
                Void
        ) async throws {
            let logs = try (1...count).map { try makeLog("instance-\($0)", database: database) }
            try await withThrowingTaskGroup(of: Void.self) { pools in
                for log in logs { pools.addTask { try await log.run() } }
                defer { pools.cancelAll() }  // also when the body fails: the pools never end by themselves
                for log in logs { try await log.prepare() }
                let settings: [AbsoluteConfigKey: ConfigValue] = [
                    "profile.approvals": .init(.int(approvals), isSecret: false)
                ]
                let made = try logs.map { try ServiceHarness(settings, log: $0).make() }
                let parts = made.map(\.parts)
                try await withClients(made.map(\.application), []) { clients in try await body(clients, parts) }
            }
        }

        /// Starts each application in turn for router tests, then runs `body` with all their clients.
        private static func withClients(
            _ applications: [any ApplicationProtocol], _ clients: [any TestClientProtocol],
            _ body: @Sendable ([any TestClientProtocol]) async throws -> Void
        ) async throws {
            guard let first = applications.first else { return try await body(clients) }
            let rest = Array(applications.dropFirst())
            try await first.test(.router) { client in try await withClients(rest, clients + [client], body) }
        }
    }
#endif

extension TestClientProtocol {
    /// Sends a request, as `execute` does, and records an issue when the answer is not as
    /// docs/openapi.yaml describes it (``OpenAPIContract``): every service test checks the
    /// document this way.
    @discardableResult func checked(
        uri: String, method: HTTPRequest.Method, headers: HTTPFields = [:], body: ByteBuffer? = nil,
        sourceLocation: SourceLocation = #_sourceLocation
    ) async throws -> TestResponse {
        let response = try await executeRequest(uri: uri, method: method, headers: headers, body: body)
        let violations = OpenAPIContract.repository.violations(
            method: method.rawValue, uri: uri, status: Int(response.status.code),
            contentType: response.headers[.contentType], body: Data(response.body.readableBytesView))
        for violation in violations {
            Issue.record("the answer is not as docs/openapi.yaml says: \(violation)", sourceLocation: sourceLocation)
        }
        return response
    }
}
