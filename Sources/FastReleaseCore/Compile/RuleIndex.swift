/// The indexes that find the rules worth evaluating for a declaration.
///
/// Each rule is filed under one anchor: its most selective positive condition (an HS
/// prefix, an enterprise or party code, a country, a document, a code such as the trade
/// mode, the credit class). A declaration gathers only the rules filed under its own values,
/// so the cost of scoring grows with the rules that could fire, not with the profile's size.
/// Rules with no usable anchor are kept in `unanchored` and evaluated every time.
/// Built once while compiling, then only read: `@unchecked Sendable` because `add` mutates during
/// `CompiledProfile.init`, before the profile is shared. A class, so that a scorer takes the
/// whole index with one reference count.
final class RuleIndex: @unchecked Sendable {
    // `@exclusivity(unchecked)`: written only while compiling, then only read
    // (docs/architecture.md, "No runtime access checks on the hot path").
    @exclusivity(unchecked) var hsTrie = HSTrie()
    /// Per country-valued field, the rules by country index.
    @exclusivity(unchecked) var countryBuckets: [(key: DeclarationField.Key, rules: [[Int32]])] = []
    /// Per code-valued field, the rules by value.
    @exclusivity(unchecked) var codeBuckets: [(key: DeclarationField.Key, rules: [String: [Int32]])] = []
    /// Rules anchored on a document, lot or issue code.
    @exclusivity(unchecked) var setBuckets: [(key: DeclarationField.Key, rules: [String: [Int32]])] = []
    /// Rules by credit class `1...4` (index 0 unused).
    @exclusivity(unchecked) var classBuckets: [[Int32]] = Array(repeating: [], count: 5)
    /// Rules evaluated for every declaration.
    @exclusivity(unchecked) var unanchored: [Int32] = []

    /// Files rule number `rule` under the best anchor among its conditions.
    func add(_ rule: Int32, conditions: [CompiledCondition]) {
        guard let anchor = conditions.min(by: { Self.rank($0) < Self.rank($1) }), Self.rank(anchor) < Int.max else {
            unanchored.append(rule)
            return
        }
        switch anchor.test {
        case .hsIn(let intervals):
            for prefix in intervals.flatMap(\.coveringPrefixes) { hsTrie.insert(prefix, rule: rule) }
        case .countryIn(let set):
            let slot =
                countryBuckets.firstIndex { $0.key == anchor.key }
                ?? {
                    countryBuckets.append((anchor.key, Array(repeating: [], count: CountryCode.count)))
                    return countryBuckets.count - 1
                }()
            for country in set.members { countryBuckets[slot].rules[country.index].append(rule) }
        case .codeIn(let values):
            Self.file(rule, under: values, key: anchor.key, in: &codeBuckets)
        case .setHasAny(let values):
            Self.file(rule, under: values, key: anchor.key, in: &setBuckets)
        case .numberOneOf, .numberAtLeast, .numberAtMost, .numberAbove, .numberBelow:
            for level in 1...4 where anchor.holds(Self.probe, nil, Self.standing(level)) {
                classBuckets[level].append(rule)
            }
        default:
            unanchored.append(rule)
        }
    }

    private static func file(
        _ rule: Int32, under values: Set<String>, key: DeclarationField.Key,
        in buckets: inout [(key: DeclarationField.Key, rules: [String: [Int32]])]
    ) {
        let slot =
            buckets.firstIndex { $0.key == key }
            ?? {
                buckets.append((key, [:]))
                return buckets.count - 1
            }()
        for value in values.sorted() { buckets[slot].rules[value, default: []].append(rule) }
    }

    /// Lower is more selective; `Int.max` means "cannot anchor".
    private static func rank(_ condition: CompiledCondition) -> Int {
        switch (condition.test, condition.key) {
        case (.hsIn, _): 0
        case (.codeIn, .enterpriseCode), (.codeIn, .partyCode), (.codeIn, .id): 1
        case (.codeIn, .enterpriseList): 2
        case (.countryIn, _): 3
        case (.setHasAny, _): 4
        case (.codeIn, .direction), (.codeIn, .function), (.codeIn, .enterpriseRegistered): 7
        case (.codeIn, _): 5
        case (.numberOneOf, .enterpriseClass), (.numberAtLeast, .enterpriseClass), (.numberAtMost, .enterpriseClass),
            (.numberAbove, .enterpriseClass), (.numberBelow, .enterpriseClass):
            6
        default: Int.max
        }
    }

    private static let probe = Declaration(
        format: "", direction: .import, position: SourcePosition(source: "", line: 0, column: 0))

    private static func standing(_ level: Int) -> EnterpriseStanding {
        EnterpriseStanding(code: "", role: nil, creditClass: level, list: nil, zone: "", registered: false)
    }
}
