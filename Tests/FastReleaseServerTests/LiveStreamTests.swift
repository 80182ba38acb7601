import Configuration
import FastReleaseStore
import FastReleaseTestSupport
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NIOCore
import Synchronization
import Testing

@Suite("Streams over a live connection", .tags(.load), .long, .timeLimit(.minutes(3)))
struct LiveStreamTests {
    static let headers = [
        "Authorization": "Bearer \(TestTokens.operator)", "Content-Type": "application/xml",
        "Accept": "application/x-ndjson",
    ]

    @Test func answersComeBackWhileTheRequestIsStillBeingSent() async throws {
        let harness = try ServiceHarness()
        let (app, _) = try harness.make()
        let prefix = uniqueID("LIVE")
        try await app.test(.live) { client in
            let stream = try RawHTTPStream(
                port: try #require(client.port), path: "/v1/declarations", headers: Self.headers)
            try stream.sendChunk(Array(cebMessage(inventory("\(prefix)-1")).utf8))
            let first = await stream.answers(timeout: 20) { $0.count >= 1 }
            #expect(stream.statusLine == "HTTP/1.1 200 OK")
            #expect(first.count == 1, "the first answer arrives before the body ends")
            #expect(first.first?.contains("\"declaration\":\"\(prefix)-1\"") == true)
            try stream.sendChunk(Array(cebMessage(inventory("\(prefix)-2") + inventory("\(prefix)-3")).utf8))
            try stream.finish()
            let all = await stream.answers(timeout: 20) { $0.count >= 3 }
            #expect(all.count == 3)
            #expect(all.last?.contains("\"declaration\":\"\(prefix)-3\"") == true)
        }
    }

    @Test func aSlowReaderSlowsTheSenderAndNothingPilesUp() async throws {
        let harness = try ServiceHarness(["stream.window": .init(.int(2), isSecret: false)])
        let (app, _) = try harness.make()
        let prefix = uniqueID("SLOW")
        let total = 12_000
        try await app.test(.live) { client in
            let stream = try RawHTTPStream(
                port: try #require(client.port), path: "/v1/declarations", headers: Self.headers, receiveBuffer: 4096)
            let sent = Atomic<Int>(0)
            let sender = Thread {
                for number in 0..<total {
                    guard (try? stream.sendChunk(Array(cebMessage(inventory("\(prefix)-\(number)")).utf8))) != nil
                    else { return }
                    sent.store(number + 1, ordering: .relaxed)
                }
                try? stream.finish()
            }
            sender.start()
            // Nobody reads the answers: the server must stop reading once its output backs up.
            // Stalled means no progress for six polls (3 s) in a row: a machine loaded by the
            // other tests can pause the server for a second or two.
            var decided = try await harness.log.count()
            var stillPolls = 0
            for _ in 0..<60 where stillPolls < 6 {
                try await Task.sleep(for: .milliseconds(500))
                let now = try await harness.log.count()
                stillPolls = now == decided && now > 0 ? stillPolls + 1 : 0
                decided = now
            }
            try await Task.sleep(for: .seconds(1))
            let stalled = try await harness.log.count()
            #expect(stalled == decided, "deciding stopped while answers were not read")
            #expect(stalled < total, "\(stalled) of \(total) decided before anyone read")
            #expect(sent.load(ordering: .relaxed) < total, "the sender is held back too")
            let lines = await stream.answers(timeout: 120) { $0.count >= total }
            #expect(lines.count == total)
            #expect(lines.last?.contains("\"declaration\":\"\(prefix)-\(total - 1)\"") == true)
        }
        #expect(try await harness.log.count() == total)
    }
}
