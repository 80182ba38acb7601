import Logging
import Synchronization
import Testing

@testable import FastReleaseServer

/// The text log handler writes what swift-log's `StreamLogHandler` writes; `Accept` headers
/// are matched without case.
@Suite("Text logs and Accept headers")
struct TextLogAndAcceptTests {
    /// A stream that keeps what is written.
    final class Lines: TextOutputStream, Sendable {
        let text = Mutex("")
        func write(_ string: String) { text.withLock { $0 += string } }
    }

    /// The same records through `TextLogHandler` and through a `StreamLogHandler`, with
    /// metadata set key by key, given with a record and from a provider: the same lines, but
    /// for the time stamp at the head of each.
    @Test func textLinesAreStreamLogHandlerLines() {
        let provider = Logger.MetadataProvider { ["trace.id": "t-1"] }
        func lines(_ make: (String, Lines) -> any LogHandler) -> [String] {
            let stream = Lines()
            var logger = Logger(label: "fastrelease") { make($0, stream) }
            logger.logLevel = .info
            logger[metadataKey: "hb.request.id"] = "42"
            logger[metadataKey: "auth.caller"] = "gateway-1"
            logger.debug("not written at info")
            logger.info("declaration decided", metadata: ["declaration.id": "D1", "auth.caller": "override"])
            logger[metadataKey: "hb.request.id"] = nil
            logger.warning("no request id")
            return stream.text.withLock { $0 }.split(separator: "\n").map { line in
                String(line.drop { $0 != " " })  // without the time stamp
            }
        }
        let text = lines { label, stream in
            var handler = TextLogHandler(StreamLogHandler(label: label, stream: stream), level: .info)
            handler.metadataProvider = provider
            return handler
        }
        let reference = lines { label, stream in
            var handler = StreamLogHandler(label: label, stream: stream, metadataProvider: provider)
            handler.logLevel = .info
            return handler
        }
        #expect(text == reference)
        #expect(
            text == [
                " info fastrelease: auth.caller=override declaration.id=D1 hb.request.id=42 trace.id=t-1 [FastReleaseServerTests] declaration decided",
                " warning fastrelease: auth.caller=gateway-1 trace.id=t-1 [FastReleaseServerTests] no request id",
            ])
    }

    @Test func acceptHeadersAreMatchedWithoutCase() {
        #expect(AcceptHeader.names("application/x-ndjson", "application/x-ndjson"))
        #expect(AcceptHeader.names("text/html, Application/XML;q=0.9", "application/xml"))
        #expect(AcceptHeader.names("TEXT/XML", "text/xml"))
        #expect(!AcceptHeader.names("application/json", "application/xml"))
        #expect(!AcceptHeader.names("application/xm", "application/xml"), "shorter than the type")
        #expect(!AcceptHeader.names("", "text/xml"))
        #expect(!AcceptHeader.names(nil, "text/xml"))
        #expect(AcceptHeader.names("application/xml", "application/xml"), "the whole header")
        #expect(!AcceptHeader.names("application/ｘml", "application/xml"), "not ASCII")
    }
}
