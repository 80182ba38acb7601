import AsyncHTTPClient
public import Foundation
import Histogram
import NIOCore
import NIOHTTP1
import Synchronization

/// Drives a running FastRelease service open-loop: request `i` is due at `start + i / rate`,
/// whatever happened to the ones before, and its latency is counted from that due time, so a
/// stall shows up in the tail instead of being hidden by a client that waits.
public struct LoadGenerator: Sendable {
    /// The service's base URL, such as `http://127.0.0.1:8080`.
    public var url: String
    /// Requests per second.
    public var rate: Double
    /// Seconds of sending.
    public var duration: Double
    /// Declarations in each message.
    public var declarationsPerMessage: Int
    /// The gateway token.
    public var token: String
    /// Most connections to the service.
    public var connections: Int
    /// Requests allowed to be outstanding before new ones are counted as client overload.
    public var maxOutstanding: Int

    /// Creates a load description.
    public init(
        url: String, rate: Double, duration: Double, declarationsPerMessage: Int, token: String, connections: Int = 64,
        maxOutstanding: Int = 20_000
    ) {
        self.url = url
        self.rate = rate
        self.duration = duration
        self.declarationsPerMessage = declarationsPerMessage
        self.token = token
        self.connections = connections
        self.maxOutstanding = maxOutstanding
    }

    /// Runs the load and returns what it measured; `progress` is told each second.
    public func run(progress: @escaping @Sendable (String) -> Void = { _ in }) async throws -> LoadReport {
        let templates = MessageTemplates(declarationsPerMessage: declarationsPerMessage)
        var configuration = HTTPClient.Configuration()
        configuration.connectionPool.concurrentHTTP1ConnectionsPerHostSoftLimit = connections
        let client = HTTPClient(eventLoopGroupProvider: .singleton, configuration: configuration)
        let state = RunStateBox()
        let run = String(UInt32.random(in: 0...UInt32.max), radix: 36)
        let total = Int(rate * duration)
        let clock = ContinuousClock()
        let start = clock.now + .milliseconds(200)
        let target = url.hasSuffix("/") ? url + "v1/declarations" : url + "/v1/declarations"
        do {
            try await withThrowingTaskGroup(of: Void.self) { group in
                var lastReport = start
                for number in 0..<total {
                    let due = start + .seconds(Double(number) / rate)
                    try await Task.sleep(until: due, clock: clock)
                    if clock.now - lastReport >= .seconds(1) {
                        lastReport = clock.now
                        let snapshot = state.lock.withLock { $0 }
                        progress(
                            "sent \(number) of \(total), answered \(snapshot.succeeded), outstanding \(snapshot.outstanding)"
                        )
                    }
                    let admitted = state.lock.withLock { state -> Bool in
                        guard state.outstanding < maxOutstanding else {
                            state.errors["client-overload", default: 0] += 1
                            return false
                        }
                        state.outstanding += 1
                        return true
                    }
                    guard admitted else { continue }
                    let body = templates.body(number, run: run)
                    group.addTask {
                        var request = HTTPClientRequest(url: target)
                        request.method = .POST
                        request.headers.add(name: "Authorization", value: "Bearer \(token)")
                        request.headers.add(name: "Content-Type", value: "application/xml")
                        request.body = .bytes(ByteBuffer(string: body))
                        var failure: String?
                        do {
                            let response = try await client.execute(request, timeout: .seconds(60))
                            _ = try await response.body.collect(upTo: 64 << 20)
                            if response.status != .ok { failure = "status \(response.status.code)" }
                        } catch {
                            failure = "\(type(of: error))"
                        }
                        let latency = UInt64(max(0, (clock.now - due) / .microseconds(1)))
                        state.lock.withLock { state in
                            state.outstanding -= 1
                            if let failure {
                                state.errors[failure, default: 0] += 1
                            } else {
                                _ = state.histogram.record(latency)
                                state.succeeded += 1
                                state.lastAnswer = clock.now
                            }
                        }
                    }
                }
                try await group.waitForAll()
            }
        } catch {
            try? await client.shutdown()
            throw error
        }
        try await client.shutdown()
        let final = state.lock.withLock { $0 }
        let elapsed = ((final.lastAnswer ?? clock.now) - start) / .seconds(1)
        return LoadReport(
            url: url, rate: rate, duration: duration, declarationsPerMessage: declarationsPerMessage,
            connections: connections,
            sent: total, errors: final.errors, elapsed: max(duration, elapsed), histogram: final.histogram)
    }

    /// Writes `report.json` and `latency.svg` into a folder.
    public static func write(_ report: LoadReport, to folder: URL) throws {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        try encoder.encode(report).write(to: folder.appendingPathComponent("report.json"))
        try LatencyChart.svg(report).write(
            to: folder.appendingPathComponent("latency.svg"), atomically: true, encoding: .utf8)
    }
}

/// The run's shared counters, behind one lock.
private final class RunStateBox: Sendable {
    let lock = Mutex(RunState())
}

private struct RunState: Sendable {
    var histogram = Histogram<UInt64>(
        lowestDiscernibleValue: 1, highestTrackableValue: 120_000_000, numberOfSignificantValueDigits: .three)
    var outstanding = 0
    var succeeded = 0
    var errors: [String: Int] = [:]
    var lastAnswer: ContinuousClock.Instant?
}
