import FastReleaseCore
import FastReleaseTestSupport
import Testing

/// One operator case: a `when` mapping, a change to the standard test declaration, and
/// whether the rule must fire.
struct OperatorCase: Sendable, CustomTestStringConvertible {
    let name: String
    let when: String
    let change: @Sendable (inout Declaration) -> Void
    let fires: Bool

    init(
        _ name: String, _ when: String, fires: Bool,
        _ change: @escaping @Sendable (inout Declaration) -> Void = { _ in }
    ) {
        self.name = name
        self.when = when
        self.change = change
        self.fires = fires
    }

    var testDescription: String { name }
}

@Suite("Rule operators")
struct RuleOperatorTests {
    static let cases: [OperatorCase] = [
        // Codes: equals, in, not_in, present
        .init("code equals", "procedure: \"9610\"", fires: true),
        .init("code equals other", "procedure: \"1210\"", fires: false),
        .init("code in list", "procedure: [\"1210\", \"9610\"]", fires: true),
        .init("code not_in", "procedure: {not_in: [\"1210\"]}", fires: true),
        .init("code not_in hit", "procedure: {not_in: [\"9610\"]}", fires: false),
        .init("code present", "office: {present: true}", fires: false),
        .init("code absent", "office: {present: false}", fires: true),
        .init("party code", "seller.code: E2", fires: true),
        .init("item unit", "item.unit: KGM", fires: true, { $0.items[0].unit = "KGM" }),
        // Choices and flags
        .init("direction", "direction: import", fires: true),
        .init("direction other", "direction: export", fires: false),
        .init("function", "function: amendment", fires: true, { $0.function = .amendment }),
        .init("registered flag", "enterprise.registered: true", fires: true),
        .init(
            "unregistered flag", "enterprise.registered: false", fires: true,
            { $0.parties[.seller] = Party(code: "UNKNOWN") }),
        // Text
        .init("keyword", "item.description: {contains_any: [lamp]}", fires: true),
        .init("keyword ignores ASCII case", "item.description: [LAMP]", fires: true),
        .init("keyword in Chinese", "item.description: [纸尿裤]", fires: true, { $0.items[0].description = "花王纸尿裤 L" }),
        .init("keyword absent", "item.description: [diaper]", fires: false),
        .init("party name keyword", "seller.name: [two]", fires: true),
        // Numbers
        .init("min inclusive", "value.total: {min: 100}", fires: true),
        .init("above exclusive", "value.total: {above: 100}", fires: false),
        .init("max inclusive", "value.total: {max: 100}", fires: true),
        .init("below exclusive", "value.total: {below: 100}", fires: false),
        .init("bounds together", "value.total: {min: 50, below: 150}", fires: true),
        .init("number equals", "item.quantity: 10", fires: true),
        .init("number in", "item.quantity: [5, 20]", fires: false),
        .init("missing number never matches", "weight.gross: {min: 0}", fires: false),
        .init("weight bound", "weight.gross: {above: 1000}", fires: true, { $0.grossWeight = 4000 }),
        .init("item value bound", "item.value: {max: 100}", fires: true),
        .init(
            "items count", "items.count: {min: 2}", fires: true,
            { $0.items.append(DeclarationBuilder.item(line: 2, hs: "0101")) }),
        // Enterprise
        .init("class", "enterprise.class: 2", fires: true),
        .init("class bound", "enterprise.class: {min: 3}", fires: true, { $0.parties[.seller] = Party(code: "E4") }),
        .init(
            "unregistered default class", "enterprise.class: 3", fires: true,
            { $0.parties[.seller] = Party(code: "NOBODY") }),
        .init("red list", "enterprise.list: red", fires: true, { $0.parties[.seller] = Party(code: "RED") }),
        .init("no list", "enterprise.list: none", fires: true),
        .init("black list", "enterprise.list: black", fires: true, { $0.parties[.seller] = Party(code: "BLACK") }),
        .init("zone", "enterprise.zone: {present: true}", fires: true, { $0.parties[.seller] = Party(code: "ZONE") }),
        .init("enterprise code", "enterprise.code: [E1, E2]", fires: true),
        .init(
            "role order falls back to declarant", "enterprise.code: E1", fires: true,
            {
                $0.parties[.seller] = Party(code: "NOBODY")
                $0.parties[.declarant] = Party(code: "E1")
            }),
        // Countries
        .init("country equals", "item.country.origin: JP", fires: true),
        .init("country group", "item.country.origin: {group: ASIA}", fires: true),
        .init("country group shorthand", "item.country.origin: ASIA", fires: true),
        .init("country not_group", "item.country.origin: {not_group: ASIA}", fires: false),
        .init("country not_in", "item.country.origin: {not_in: [DE]}", fires: true),
        .init(
            "dispatch country", "country.dispatch: {group: EU}", fires: true, { $0.dispatchCountry = CountryCode("FR") }
        ),
        .init("missing country not in group", "country.destination: {group: EU}", fires: false),
        .init("missing country passes not_group", "country.destination: {not_group: EU}", fires: true),
        // HS codes
        .init("hs prefix", "item.hs: {prefix: [\"8541\"]}", fires: true),
        .init("hs prefix shorthand with dots", "item.hs: \"8541.40\"", fires: true),
        .init("hs prefix no match", "item.hs: [\"8542\"]", fires: false),
        .init("hs not_prefix", "item.hs: {not_prefix: [\"85\"]}", fires: false),
        .init("hs range inside", "item.hs: {range: [\"8500\", \"8599\"]}", fires: true),
        .init("hs range outside", "item.hs: {range: [\"6101\", \"6117\"]}", fires: false),
        .init(
            "hs range bound", "item.hs: {range: [\"6101\", \"6117\"]}", fires: true,
            { $0.items[0].hs = HSCode("6117900000") }),
        .init("hs short code", "item.hs: [\"8541\"]", fires: false, { $0.items[0].hs = HSCode("85") }),
        // Sets
        .init(
            "document has", "documents: {has: [CCC]}", fires: true,
            { $0.documents = [DocumentReference(kind: "CCC", identifier: "1")] }),
        .init("document missing all", "documents: {missing: [CCC, CCC-exemption]}", fires: true),
        .init(
            "document missing but exemption held", "documents: {missing: [CCC, CCC-exemption]}", fires: false,
            {
                $0.documents = [DocumentReference(kind: "CCC-exemption", identifier: "X")]
            }),
        .init("documents present", "documents: {present: true}", fires: false),
        .init(
            "issue has", "issues: [price-mismatch]", fires: true,
            { $0.issues = [DataIssue(code: "price-mismatch", detail: "")] }),
        .init("lots has", "lots: [LOT-7]", fires: true, { $0.lots = [LotReference(identifier: "LOT-7")] }),
        // Conditions combine
        .init("all conditions must hold", "direction: import\n      item.hs: [\"0101\"]", fires: false),
        .init(
            "item conditions hold on one line", "item.hs: [\"0101\"]\n      item.country.origin: JP", fires: false,
            {
                $0.items.append(DeclarationBuilder.item(line: 2, hs: "0101", origin: "FR"))
            }),
        .init(
            "item conditions same line", "item.hs: [\"0101\"]\n      item.country.origin: FR", fires: true,
            {
                $0.items.append(DeclarationBuilder.item(line: 2, hs: "0101", origin: "FR"))
            }),
    ]

    @Test(arguments: cases)
    func operatorFiresOnlyWhenItShould(_ example: OperatorCase) throws {
        let profile = try ProfileFixture.compile(
            rules: """
                  - id: RULE
                    reason: test
                    weight: 1
                    when:
                      \(example.when)
                """)
        let declaration = DeclarationBuilder.make(example.change)
        let decision = Scorer(profile: profile).score(declaration)
        #expect(decision.hits.map(\.ruleID) == (example.fires ? ["RULE"] : []), "\(example.name)")
    }

    @Test func hitsNameTheMatchingItemLines() throws {
        let profile = try ProfileFixture.compile(
            rules: "  - {id: LIVE, reason: live animals, weight: 5, when: {item.hs: [\"01\"]}}")
        let declaration = DeclarationBuilder.make {
            $0.items += [DeclarationBuilder.item(line: 2, hs: "0101"), DeclarationBuilder.item(line: 3, hs: "0102")]
        }
        let decision = Scorer(profile: profile).score(declaration)
        #expect(decision.hits.first?.itemLines == [2, 3])
        #expect(decision.hits.first?.reason == "live animals")
    }
}
