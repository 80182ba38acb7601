/// One test on one field, with its operand in the form that is fastest to check.
struct CompiledCondition: Sendable {
    enum Test: Sendable {
        case codeIn(Set<String>)
        case codeNotIn(Set<String>)
        case textContainsAny([[UInt8]])
        case numberAtLeast(Double)
        case numberAtMost(Double)
        case numberAbove(Double)
        case numberBelow(Double)
        case numberOneOf([Double])
        case countryIn(CountrySet)
        case countryNotIn(CountrySet)
        case hsIn([HSInterval])
        case hsNotIn([HSInterval])
        case setHasAny(Set<String>)
        case setLacksAll([String])
        case present(Bool)
    }

    let key: DeclarationField.Key
    let test: Test
}

extension CompiledCondition {
    /// Compiles each test of `condition`, resolving country groups to bitsets.
    static func compile(_ condition: Condition, groups: [String: Set<CountryCode>]) -> [CompiledCondition] {
        func countries(_ codes: [CountryCode], _ names: [String]) -> CountrySet {
            CountrySet(codes + names.flatMap { groups[$0] ?? [] })
        }
        return condition.tests.map { test in
            let compiled: Test
            switch test {
            case .oneOf(let values): compiled = .codeIn(Set(values))
            case .noneOf(let values): compiled = .codeNotIn(Set(values))
            case .containsAny(let words): compiled = .textContainsAny(words.map { Array($0.lowercasedASCII.utf8) })
            case .atLeast(let bound): compiled = .numberAtLeast(bound)
            case .atMost(let bound): compiled = .numberAtMost(bound)
            case .above(let bound): compiled = .numberAbove(bound)
            case .below(let bound): compiled = .numberBelow(bound)
            case .numberOneOf(let values): compiled = .numberOneOf(values)
            case .countryIn(let codes, let names): compiled = .countryIn(countries(codes, names))
            case .countryNotIn(let codes, let names): compiled = .countryNotIn(countries(codes, names))
            case .hsPrefix(let codes): compiled = .hsIn(codes.map(HSInterval.init(prefix:)))
            case .hsNotPrefix(let codes): compiled = .hsNotIn(codes.map(HSInterval.init(prefix:)))
            case .hsRange(let low, let high): compiled = .hsIn([HSInterval(from: low, through: high)])
            case .hasAny(let values): compiled = .setHasAny(Set(values))
            case .missingAll(let values): compiled = .setLacksAll(values)
            case .present(let flag): compiled = .present(flag)
            }
            return CompiledCondition(key: condition.field.key, test: compiled)
        }
    }
}

extension String {
    /// The text with ASCII letters in lower case; other characters unchanged.
    var lowercasedASCII: String {
        String(decoding: utf8.map { (65...90).contains($0) ? $0 + 32 : $0 }, as: UTF8.self)
    }
}
