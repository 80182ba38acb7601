public import Logging

/// The text log format (`log.format: text`, the default): swift-log's `StreamLogHandler` on
/// standard error, line for line, except that metadata is formatted when a record is written
/// rather than each time a key is set.
///
/// `StreamLogHandler` formats all of a logger's metadata again whenever one key is set, and
/// every request sets two (the request id and the caller): about 1 % of the service's time on
/// single-declaration requests (`perf`, 2026-12-07), spent on records that are almost never
/// written at the default level.
///
/// ```swift
/// LoggingSystem.bootstrap { TextLogHandler(label: $0, level: .info) }
/// ```
public struct TextLogHandler: LogHandler {
    /// Writes the records; holds no metadata of its own.
    private var stream: StreamLogHandler
    public var metadata: Logger.Metadata = [:]

    /// A handler writing to standard error.
    public init(label: String, level: Logger.Level) {
        self.init(StreamLogHandler.standardError(label: label), level: level)
    }

    /// A handler writing through `stream` (for tests: `StreamLogHandler(label:stream:)`).
    public init(_ stream: StreamLogHandler, level: Logger.Level) {
        self.stream = stream
        self.stream.logLevel = level
    }

    public var logLevel: Logger.Level {
        get { stream.logLevel }
        set { stream.logLevel = newValue }
    }

    public var metadataProvider: Logger.MetadataProvider? {
        get { stream.metadataProvider }
        set { stream.metadataProvider = newValue }
    }

    public subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    public func log(event: LogEvent) {
        var writer = stream
        writer.metadata = metadata
        writer.log(event: event)
    }
}
