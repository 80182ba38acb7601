/// The ISO 3166-1 alpha-2 codes officially assigned (249), plus `XK` (Kosovo), which customs
/// systems in Europe use. Used to warn about country codes no declaration can carry.
enum ISOCountries {
    static let alpha2: Set<String> = Set(
        """
        AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ BA BB BD BE BF BG BH BI BJ BL BM BN BO BQ BR BS BT BV BW BY
        BZ CA CC CD CF CG CH CI CK CL CM CN CO CR CU CV CW CX CY CZ DE DJ DK DM DO DZ EC EE EG EH ER ES ET FI FJ FK FM
        FO FR GA GB GD GE GF GG GH GI GL GM GN GP GQ GR GS GT GU GW GY HK HM HN HR HT HU ID IE IL IM IN IO IQ IR IS IT
        JE JM JO JP KE KG KH KI KM KN KP KR KW KY KZ LA LB LC LI LK LR LS LT LU LV LY MA MC MD ME MF MG MH MK ML MM MN
        MO MP MQ MR MS MT MU MV MW MX MY MZ NA NC NE NF NG NI NL NO NP NR NU NZ OM PA PE PF PG PH PK PL PM PN PR PS PT
        PW PY QA RE RO RS RU RW SA SB SC SD SE SG SH SI SJ SK SL SM SN SO SR SS ST SV SX SY SZ TC TD TF TG TH TJ TK TL
        TM TN TO TR TT TV TW TZ UA UG UM US UY UZ VA VC VE VG VI VN VU WF WS YE YT ZA ZM ZW XK
        """.split(whereSeparator: { $0 == " " || $0 == "\n" }).map(String.init))
}

extension Condition {
    /// A text that is the same for two conditions testing the same thing the same way.
    var key: String { "\(field.name) \(tests.map(\.description).sorted())" }

    /// The codes named by `equals` / `in` tests.
    var codes: [String] {
        tests.flatMap { test -> [String] in
            if case .oneOf(let codes) = test { return codes }
            return []
        }
    }

    /// The numbers named by `equals` / `in` tests.
    var numbers: [Double] {
        tests.flatMap { test -> [Double] in
            if case .numberOneOf(let numbers) = test { return numbers }
            return []
        }
    }

    /// The HS codes named by `prefix`, `not_prefix` and `range` tests.
    var hsCodes: [HSCode] {
        tests.flatMap { test -> [HSCode] in
            switch test {
            case .hsPrefix(let codes), .hsNotPrefix(let codes): codes
            case .hsRange(let low, let high): [low, high]
            default: []
            }
        }
    }

    /// The country codes named.
    var countries: [CountryCode] {
        tests.flatMap { test -> [CountryCode] in
            switch test {
            case .countryIn(let codes, _), .countryNotIn(let codes, _): codes
            default: []
            }
        }
    }

    /// The groups of a positive country test that have no countries, or `nil` when none are named.
    func emptyGroups(_ groups: [String: Set<CountryCode>]) -> [String]? {
        for test in tests {
            if case .countryIn(let codes, let named) = test, codes.isEmpty, !named.isEmpty,
                named.allSatisfy({ groups[$0]?.isEmpty ?? true })
            {
                return named
            }
        }
        return nil
    }

    /// Whether the number tests of this condition exclude every value (`above 10` with `below 5`).
    var boundsExcludeEverything: Bool {
        var lower: (value: Double, strict: Bool)?
        var upper: (value: Double, strict: Bool)?
        for test in tests {
            switch test {
            case .above(let bound): if lower == nil || bound >= lower!.value { lower = (bound, true) }
            case .atLeast(let bound): if lower == nil || bound > lower!.value { lower = (bound, false) }
            case .below(let bound): if upper == nil || bound <= upper!.value { upper = (bound, true) }
            case .atMost(let bound): if upper == nil || bound < upper!.value { upper = (bound, false) }
            default: break
            }
        }
        guard let lower, let upper else { return false }
        return lower.value > upper.value || (lower.value == upper.value && (lower.strict || upper.strict))
    }
}
