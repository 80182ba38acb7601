/// Quantities of lots and goods: rounded to millionths so that sums of unit consumptions
/// compare exactly (2.5 × 3 and 0.1 × 3 alike), and written without trailing zeros.
enum Quantity {
    /// `value` rounded to millionths.
    static func rounded(_ value: Double) -> Double { (value * 1e6).rounded() / 1e6 }

    /// `300`, `7.5`, `0.3`: what JSON and sentences show.
    static func text(_ value: Double) -> String {
        let value = rounded(value)
        return value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : String(value)
    }
}
