/// Quantities of lots and goods: rounded to millionths so that sums of unit consumptions
/// compare exactly (2.5 × 3 and 0.1 × 3 alike), kept by the decision log as whole millionths,
/// and written without trailing zeros.
public enum Quantity {
    /// `value` rounded to millionths.
    public static func rounded(_ value: Double) -> Double { (value * 1e6).rounded() / 1e6 }

    /// `value` in whole millionths, as the decision log keeps balances.
    public static func millionths(_ value: Double) -> Int64 { Int64((value * 1e6).rounded()) }

    /// A quantity kept in millionths.
    public static func fromMillionths(_ millionths: Int64) -> Double { Double(millionths) / 1e6 }

    /// `300`, `7.5`, `0.3`: what JSON and sentences show.
    public static func text(_ value: Double) -> String {
        let value = rounded(value)
        return value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : String(value)
    }
}
