import FastReleaseCore
import FastReleaseXML
import Foundation
import Hummingbird
import Logging
import NIOCore

/// `POST /v1/declarations`: XML messages in, one answer per declaration out.
///
/// The `Accept` header chooses the answer:
/// - `application/x-ndjson`: a stream. The body may carry any number of messages one after
///   another (chunked); each message's answers are written, in order, as soon as they are
///   durable. At most `stream.window` messages are in flight, so a slow reader slows the sender.
/// - `application/xml` (or `text/xml`): one XML receipt document for the whole body, in the
///   gateway's language (CEB622 or CEB604 receipts, DMS notifications; see ``ReceiptLanguage``).
/// - anything else: one JSON document, `{"decisions": […], "errors": […]}`.
/// Document answers are 200 when every declaration was decided, 400 when some were not (their
/// error records are in the answer; the others were decided), 413 past `limits.requestBytes`,
/// 503 with `Retry-After` when the work queue is full (nothing was decided).
struct DeclarationRoutes {
    let service: DecisionService
    let maxRequestBytes: Int
    let limits: XMLLimits
    let streamWindow: Int
    let clock: WallClock

    func register(on router: RouteTable) {
        router.post("/v1/declarations") { request, context in
            try await self.post(request, context: context)
        }
    }

    private enum AnswerShape {
        case stream, json, xml

        init(accept: String?) {
            if AcceptHeader.names(accept, "application/x-ndjson") {
                self = .stream
            } else if ReceiptResponse.wanted(accept) {
                self = .xml
            } else {
                self = .json
            }
        }
    }

    private func post(_ request: Request, context: ServiceRequestContext) async throws -> Response {
        try context.require(.gateway)
        if let type = request.headers[.contentType]?.lowercased(),
            !["application/xml", "text/xml", "application/octet-stream"].contains(where: type.hasPrefix)
        {
            throw ServiceError(
                .unsupportedMediaType, code: "request.media-type", "send XML messages as application/xml, not \(type)")
        }
        switch AnswerShape(accept: request.headers[.accept]) {
        case .stream:
            return streamingResponse(request, context: context)
        case let shape:
            let (frames, answers) = try await decide(try await readBody(request), logger: context.logger)
            let failed = answers.contains { if case .error = $0 { true } else { false } }
            let now = Date(timeIntervalSince1970: Double(clock.milliseconds()) / 1000)
            let body =
                shape == .xml
                ? ReceiptLanguage(frames: frames).document(answers, now: now)
                : AnswerEncoding.document(answers, view: AnswerView(context))
            return Response(
                status: failed ? .badRequest : .ok,
                headers: [.contentType: shape == .xml ? "application/xml" : "application/json"],
                body: .init(byteBuffer: ByteBuffer(bytes: body)))
        }
    }

    /// Reads the whole body (413 past the limit).
    private func readBody(_ request: Request) async throws -> [UInt8] {
        let length = request.headers[.contentLength].flatMap(Int.init)
        if let length, length > maxRequestBytes { throw tooLarge() }
        var body: [UInt8] = []
        body.reserveCapacity(min(length ?? 0, maxRequestBytes))
        for try await chunk in request.body {
            guard body.count + chunk.readableBytes <= maxRequestBytes else { throw tooLarge() }
            body.append(contentsOf: chunk.readableBytesView)
        }
        return body
    }

    /// Decides a body: whole when it parses as one message (most requests), without cutting it
    /// first; else cut into messages, each admitted and decided on its own, in parallel.
    ///
    /// - Returns: the messages the answers come from (one frame for a body decided whole),
    ///   and the answers, in message order.
    private func decide(_ body: [UInt8], logger: Logger) async throws -> ([MessageFrame], [Answer]) {
        if body.count <= limits.maxMessageBytes,
            let whole = MessageFrame.whole(body, source: "request", sequence: 0, severalMessages: .leave)
        {
            let admission = try admit(1, logger: logger)
            let answers = try await decided(logger: logger) {
                try await service.answerWhole(whole, admission: admission, logger: logger)
            }
            if let answers { return ([whole], answers) }
        }
        var splitter = MessageSplitter(source: "request", limits: limits)
        let frames = body.withUnsafeBytes { splitter.feed($0) } + splitter.finish()
        guard !frames.isEmpty else {
            throw ServiceError(.badRequest, code: "request.empty", "the request body holds no XML message")
        }
        let admission = try admit(frames.count, logger: logger)
        let answers = try await decided(logger: logger) {
            try await decideAll(frames, admission: admission, logger: logger)
        }
        return (frames, answers)
    }

    /// Room for `count` messages, or 503 (nothing is decided).
    private func admit(_ count: Int, logger: Logger) throws -> DecisionEngine.Admission {
        guard let admission = service.admit(messages: count) else {
            logger.notice("request refused: queue full", metadata: ["request.messages": "\(count)"])
            throw ServiceError.overloaded()
        }
        return admission
    }

    private func tooLarge() -> ServiceError {
        ServiceError(
            .contentTooLarge, code: "request.too-large",
            "the body is larger than \(maxRequestBytes) bytes; split it, or stream it with Accept: application/x-ndjson"
        )
    }

    /// Decides messages in parallel; answers in message order. The request was admitted, so
    /// its messages take the room reserved for them.
    private func decideAll(_ frames: [MessageFrame], admission: DecisionEngine.Admission, logger: Logger) async throws
        -> [Answer]
    {
        // One message: decided on this task, without a child task to start and join.
        if frames.count == 1 { return try await service.answer(frames[0], admission: admission, logger: logger) }
        return try await withThrowingTaskGroup(of: (Int, [Answer]).self) { group in
            for (index, frame) in frames.enumerated() {
                group.addTask { (index, try await service.answer(frame, admission: admission, logger: logger)) }
            }
            var byIndex = [[Answer]](repeating: [], count: frames.count)
            for try await (index, answers) in group { byIndex[index] = answers }
            return byIndex.flatMap { $0 }
        }
    }

    /// What `work` answers; a failure to write the log is a 503 that answers nothing.
    private func decided<Result>(logger: Logger, _ work: () async throws -> Result) async throws -> Result {
        do {
            return try await work()
        } catch {
            logger.error("decision log write failed", metadata: ["error": "\(error)"])
            throw ServiceError(
                .serviceUnavailable, code: "store.unavailable",
                "the decision log could not be written, so no decision of this request is answered; send it again",
                headers: [.retryAfter: "5"])
        }
    }

    /// Streams answers as newline-delimited JSON while the body is still arriving. A client that
    /// goes away ends the stream's work: nothing more is read, and messages not yet started are
    /// dropped (messages already being decided are recorded, so a resend gets them as replays).
    private func streamingResponse(_ request: Request, context: ServiceRequestContext) -> Response {
        let service = self.service
        let limits = self.limits
        let window = self.streamWindow
        let logger = context.logger
        let view = AnswerView(context)
        let body = ResponseBody { writer in
            let permits = WindowPermits(window)
            let (pending, queue) = AsyncStream<Task<[UInt8], Never>>.makeStream()
            let reader = Task {
                defer { queue.finish() }
                var splitter = MessageSplitter(source: "stream", limits: limits)
                func enqueue(_ frames: [MessageFrame]) async {
                    for frame in frames {
                        await permits.acquire()
                        queue.yield(
                            Task { await Self.answerLines(frame, service: service, view: view, logger: logger) })
                    }
                }
                for try await chunk in request.body {
                    try Task.checkCancellation()
                    await enqueue(chunk.withUnsafeReadableBytes { splitter.feed($0) })
                }
                await enqueue(splitter.finish())
            }
            do {
                for await task in pending {
                    let bytes = await task.value
                    permits.release()
                    try await writer.write(ByteBuffer(bytes: bytes))
                }
            } catch {
                logger.notice("stream client went away", metadata: ["error": "\(error)"])
                reader.cancel()
                for await task in pending {
                    task.cancel()
                    permits.release()
                }
                throw error
            }
            if case .failure(let error) = await reader.result {
                logger.notice("stream ended early", metadata: ["error": "\(error)"])
            }
            try await writer.finish(nil)
        }
        return Response(status: .ok, headers: [.contentType: "application/x-ndjson"], body: body)
    }

    /// One message's answers as JSON lines; a failure becomes an error line.
    private static func answerLines(
        _ frame: MessageFrame, service: DecisionService, view: AnswerView, logger: Logger
    ) async -> [UInt8] {
        var out: [UInt8] = []
        if Task.isCancelled { return out }
        do {
            for answer in try await service.answer(frame, mayWait: true, logger: logger) {
                AnswerEncoding.line(answer, view: view, into: &out)
            }
        } catch {
            logger.error("decision log write failed", metadata: ["error": "\(error)"])
            let failure = DeclarationError(
                code: .init("store.unavailable"),
                position: SourcePosition(source: frame.source, line: frame.startLine, column: 0),
                reason: "the decision log could not be written; this message was not answered as decided, send it again"
            )
            JSONLinesEncoder().encode(failure, into: &out)
        }
        return out
    }
}
