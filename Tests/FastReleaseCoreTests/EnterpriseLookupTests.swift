import FastReleaseCore
import FastReleaseTestSupport
import Testing

@Suite("Enterprise lookup")
struct EnterpriseLookupTests {
    /// A register of `count` codes of every length from 1 to 20 bytes, some not ASCII, with
    /// classes, lists and zones that vary, and a class that needs more than 16 bits.
    static func register(count: Int) -> [EnterpriseRegister.Enterprise] {
        (0..<count).map { number in
            let length = 1 + number % 20
            var code = String(number, radix: 36).uppercased()
            if number % 7 == 0 { code = "企" + code }
            code = String(repeating: "0", count: max(0, length - code.utf8.count)) + code
            let list: EnterpriseList? = number % 5 == 0 ? .red : number % 5 == 1 ? .black : nil
            return EnterpriseRegister.Enterprise(
                code: code, name: "Enterprise \(number)", creditClass: number == 3 ? 70_000 : 1 + number % 4,
                list: list, zone: number % 3 == 0 ? "Zone \(number % 4)" : "")
        }
    }

    static func scorer(_ enterprises: [EnterpriseRegister.Enterprise]) throws -> Scorer {
        var profile = try ProfileFixture.compiledDefault().source
        profile.register = EnterpriseRegister(enterprises)
        return Scorer(profile: CompiledProfile(profile))
    }

    static func standing(_ scorer: Scorer, seller: String) -> EnterpriseStanding {
        let declaration = DeclarationBuilder.make { declaration in
            declaration.parties = Parties()
            declaration.parties[.seller] = Party(code: seller)
        }
        return scorer.enterpriseStanding(of: declaration)
    }

    @Test func everyRegisteredCodeIsFoundWithItsClassListAndZone() throws {
        let enterprises = Self.register(count: 3_000)
        let scorer = try Self.scorer(enterprises)
        let register = EnterpriseRegister(enterprises)
        for enterprise in enterprises {
            let standing = Self.standing(scorer, seller: enterprise.code)
            let entry = try #require(register[enterprise.code])
            #expect(standing.registered, "\(enterprise.code)")
            #expect(standing.code == enterprise.code)
            #expect(standing.creditClass == entry.creditClass)
            #expect(standing.list == entry.list)
            #expect(standing.zone == entry.zone)
        }
        #expect(Self.standing(scorer, seller: enterprises[3].code).creditClass == 70_000)
    }

    @Test func codesNotRegisteredAreNotFound() throws {
        let scorer = try Self.scorer(Self.register(count: 500))
        let absent = [
            "", "X", "0000000000000000000000Z", "00000000000000000", "企", "ZZZZZZZZZZZZZZZZ", "0000000000000000",
        ]
        for code in absent {
            #expect(!Self.standing(scorer, seller: code).registered, "\(code)")
        }
    }

    @Test func aCodeGivenTwiceKeepsItsFirstEntry() throws {
        let scorer = try Self.scorer([
            .init(code: "3302000001", name: "First", creditClass: 1, list: .red, zone: "A"),
            .init(code: "3302000001", name: "Second", creditClass: 4, list: .black, zone: "B"),
        ])
        let standing = Self.standing(scorer, seller: "3302000001")
        #expect(standing.creditClass == 1)
        #expect(standing.list == .red)
        #expect(standing.zone == "A")
    }

    @Test func anEmptyRegisterFindsNothing() throws {
        let scorer = try Self.scorer([])
        #expect(!Self.standing(scorer, seller: "E1").registered)
    }
}
