/// An operator and its operand.
public enum ConditionTest: Sendable, Hashable {
    /// `equals` / `in`: the value is one of these codes.
    case oneOf([String])
    /// `not_in`: the value is none of these codes (a missing value passes).
    case noneOf([String])
    /// `contains_any`: the text contains one of these keywords (ASCII letters ignore case).
    case containsAny([String])
    /// `min`: number ≥ bound.
    case atLeast(Double)
    /// `max`: number ≤ bound.
    case atMost(Double)
    /// `above`: number > bound.
    case above(Double)
    /// `below`: number < bound.
    case below(Double)
    /// `equals` on a number, or `in` with numbers.
    case numberOneOf([Double])
    /// `equals` / `in` / `group` on a country: one of these countries or groups.
    case countryIn(codes: [CountryCode], groups: [String])
    /// `not_in` / `not_group` on a country.
    case countryNotIn(codes: [CountryCode], groups: [String])
    /// `prefix` on an HS code: starts with one of these.
    case hsPrefix([HSCode])
    /// `not_prefix` on an HS code.
    case hsNotPrefix([HSCode])
    /// `range` on an HS code: its first digits lie between these two codes (same length).
    case hsRange(HSCode, HSCode)
    /// `has`: the set holds at least one of these codes.
    case hasAny([String])
    /// `missing`: none of these codes is in the set ("needs a certificate or an exemption").
    case missingAll([String])
    /// `present`: the field has a value (or, with false, has none).
    case present(Bool)
}

extension ConditionTest: CustomStringConvertible {
    /// The test as `operator value,value`, in profile terms.
    public var description: String {
        func list(_ values: [some CustomStringConvertible]) -> String {
            values.map(\.description).joined(separator: ",")
        }
        switch self {
        case .oneOf(let values): return "in \(list(values))"
        case .noneOf(let values): return "not_in \(list(values))"
        case .containsAny(let words): return "contains_any \(list(words))"
        case .atLeast(let bound): return "min \(bound)"
        case .atMost(let bound): return "max \(bound)"
        case .above(let bound): return "above \(bound)"
        case .below(let bound): return "below \(bound)"
        case .numberOneOf(let values): return "in \(list(values))"
        case .countryIn(let codes, let groups): return "in \(list(codes)) group \(list(groups))"
        case .countryNotIn(let codes, let groups): return "not_in \(list(codes)) not_group \(list(groups))"
        case .hsPrefix(let codes): return "prefix \(list(codes))"
        case .hsNotPrefix(let codes): return "not_prefix \(list(codes))"
        case .hsRange(let low, let high): return "range \(low),\(high)"
        case .hasAny(let values): return "has \(list(values))"
        case .missingAll(let values): return "missing \(list(values))"
        case .present(let flag): return "present \(flag)"
        }
    }
}
