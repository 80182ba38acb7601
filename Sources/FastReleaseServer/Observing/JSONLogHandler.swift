import FastReleaseCore
import Foundation
public import Logging
import Synchronization

/// Writes log records as one JSON object per line (`log.format: json`), for log pipelines:
/// `time` (UTC, milliseconds), `level`, `label`, `source`, `message` (the same constant
/// messages as the text format), then every metadata key as it is (dotted: `http.port`,
/// `declaration.id`) with its value as a string, or as an array or object for nested metadata.
///
/// ```swift
/// LoggingSystem.bootstrap { JSONLogHandler(label: $0, level: .info) }
/// ```
public struct JSONLogHandler: LogHandler {
    /// The record's label (the logger's name).
    public let label: String
    public var logLevel: Logger.Level
    public var metadata: Logger.Metadata = [:]
    public var metadataProvider: Logger.MetadataProvider?
    private let write: @Sendable ([UInt8]) -> Void

    /// A handler writing to standard error, one `write` per record so that lines never interleave.
    public init(label: String, level: Logger.Level) {
        self.init(label: label, level: level) { bytes in
            bytes.withUnsafeBufferPointer { buffer in
                var offset = 0
                while offset < buffer.count {
                    let written = Foundation.write(2, buffer.baseAddress! + offset, buffer.count - offset)
                    if written <= 0 { return }
                    offset += written
                }
            }
        }
    }

    /// A handler writing each line to `write` (for tests).
    public init(label: String, level: Logger.Level, write: @escaping @Sendable ([UInt8]) -> Void) {
        self.label = label
        logLevel = level
        self.write = write
    }

    public subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    public func log(event: LogEvent) {
        var merged = metadata
        if let provided = metadataProvider?.get() { merged.merge(provided) { _, new in new } }
        if let own = event.metadata { merged.merge(own) { _, new in new } }
        var line: [UInt8] = []
        line.reserveCapacity(256)
        line.append(contentsOf: "{\"time\":".utf8)
        line.append(jsonString: Self.timestamp())
        line.append(contentsOf: ",\"level\":".utf8)
        line.append(jsonString: event.level.rawValue)
        line.append(contentsOf: ",\"label\":".utf8)
        line.append(jsonString: label)
        line.append(contentsOf: ",\"source\":".utf8)
        line.append(jsonString: event.source)
        line.append(contentsOf: ",\"message\":".utf8)
        line.append(jsonString: event.message.description)
        for (key, value) in merged.sorted(by: { $0.key < $1.key })
        where !["time", "level", "label", "source", "message"].contains(key) {
            line.append(UInt8(ascii: ","))
            line.append(jsonString: key)
            line.append(UInt8(ascii: ":"))
            Self.append(value, into: &line)
        }
        line.append(contentsOf: "}\n".utf8)
        write(line)
    }

    private static func append(_ value: Logger.Metadata.Value, into line: inout [UInt8]) {
        switch value {
        case .string(let text): line.append(jsonString: text)
        case .stringConvertible(let convertible): line.append(jsonString: convertible.description)
        case .array(let values):
            line.append(UInt8(ascii: "["))
            for (index, element) in values.enumerated() {
                if index > 0 { line.append(UInt8(ascii: ",")) }
                append(element, into: &line)
            }
            line.append(UInt8(ascii: "]"))
        case .dictionary(let entries):
            line.append(UInt8(ascii: "{"))
            for (index, entry) in entries.sorted(by: { $0.key < $1.key }).enumerated() {
                if index > 0 { line.append(UInt8(ascii: ",")) }
                line.append(jsonString: entry.key)
                line.append(UInt8(ascii: ":"))
                append(entry.value, into: &line)
            }
            line.append(UInt8(ascii: "}"))
        }
    }

    /// `2026-12-01T14:36:12.123Z`.
    private static func timestamp() -> String {
        let milliseconds = WallClock.system.milliseconds()
        let time = CivilTime(unixSeconds: milliseconds / 1000, offsetSeconds: 0)
        let fraction = Int(milliseconds % 1000)
        let digits = fraction < 10 ? "00\(fraction)" : fraction < 100 ? "0\(fraction)" : "\(fraction)"
        return "\(time.isoText).\(digits)Z"
    }
}
