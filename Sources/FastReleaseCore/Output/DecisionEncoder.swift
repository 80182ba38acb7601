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
    /// Appends a whole number in decimal.
    @inline(__always)
    mutating func append(integer: Int) { writeInteger(integer) }

    /// Appends a number the way both JSON and XML read it (no exponent for ordinary values).
    mutating func append(number: Double) {
        if number == number.rounded(), abs(number) < 1e15 {
            append(integer: Int(number))
        } else {
            append(text: String(number))
        }
    }

    /// Appends a non-negative number rounded to one decimal place, such as `35.2`.
    mutating func append(tenths number: Double) {
        let tenths = Self.tenths(number)
        append(integer: tenths / 10)
        if tenths % 10 != 0 {
            append(UInt8(ascii: "."))
            append(UInt8(48 + tenths % 10))
        }
    }

    /// A non-negative number in whole tenths, as ``append(tenths:)`` writes it.
    static func tenths(_ number: Double) -> Int {
        Int((Swift.max(0, number) * 10).rounded())
    }
}

extension LaneSource {
    /// `default`, `threshold`, `rule:ID`, `sampling` or `top-up`.
    public var label: String {
        switch self {
        case .default: "default"
        case .threshold: "threshold"
        case .rule(let id): "rule:\(id)"
        case .sampling: "sampling"
        case .topUp: "top-up"
        }
    }
}
