/// Turns decisions and error records into bytes of an output format.
///
/// Encoders append to a caller's buffer so that workers can encode in parallel and the
/// writer only copies finished bytes, in input order.
public protocol DecisionEncoder: Sendable {
    /// Bytes written once before the first record.
    var header: [UInt8] { get }
    /// Bytes written once after the last record.
    var footer: [UInt8] { get }
    /// Appends one decision.
    func encode(_ decision: Decision, into buffer: inout [UInt8])
    /// Appends one error record.
    func encode(_ error: DeclarationError, into buffer: inout [UInt8])
}

extension Array where Element == UInt8 {
    /// Appends UTF-8 text as is.
    @inline(__always)
    mutating func append(text: String) {
        var text = text
        text.withUTF8 { append(contentsOf: $0) }
    }

    /// Appends a number the way both JSON and XML read it (no exponent for ordinary values).
    mutating func append(number: Double) {
        if number == number.rounded(), abs(number) < 1e15 {
            append(text: String(Int64(number)))
        } else {
            append(text: String(number))
        }
    }

    /// Appends a number rounded to one decimal place.
    mutating func append(tenths number: Double) {
        append(number: (number * 10).rounded() / 10)
    }
}

extension LaneSource {
    /// `default`, `threshold`, `rule:ID` or `sampling`.
    public var label: String {
        switch self {
        case .default: "default"
        case .threshold: "threshold"
        case .rule(let id): "rule:\(id)"
        case .sampling: "sampling"
        }
    }
}
