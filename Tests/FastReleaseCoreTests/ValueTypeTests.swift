import FastReleaseCore
import Testing

@Suite("Codes and times")
struct ValueTypeTests {
    @Test func hsCodeKeepsLeadingZerosAndIgnoresDots() throws {
        let code = try #require(HSCode("0402.10"))
        #expect(code.description == "040210")
        #expect(code.length == 6)
        #expect(HSCode("04a2") == nil)
        #expect(HSCode("") == nil)
        #expect(HSCode("1234567890123") == nil)
    }

    @Test(arguments: ["0402.10", "8541401000", "6101 10", "04a2", "", "1234567890123", "12.", "九"])
    func hsCodeReadsBytesAsItReadsText(_ text: String) {
        let fromBytes = Array(text.utf8).withUnsafeBytes { HSCode(utf8: $0) }
        #expect(fromBytes == HSCode(text))
    }

    @Test func hsPrefixMatchesOnlyLeadingDigits() throws {
        let code = try #require(HSCode("8541401000"))
        #expect(code.hasPrefix(HSCode("8541")!))
        #expect(code.hasPrefix(HSCode("8541401000")!))
        #expect(!code.hasPrefix(HSCode("854141")!))
        #expect(!HSCode("0402")!.hasPrefix(HSCode("402")!))
    }

    @Test func countryCodeRoundTrips() throws {
        let japan = try #require(CountryCode("jp"))
        #expect(japan.description == "JP")
        #expect(CountryCode("J") == nil)
        #expect(CountryCode("J1") == nil)
        #expect(CountryCode(index: japan.index) == japan)
    }

    @Test func civilTimeParsesCEBAndProfileForms() throws {
        #expect(CivilTime(compact: "20160315153555")?.description == "2016-03-15T15:35:55")
        #expect(CivilTime(compact: "20160308")?.description == "2016-03-08T00:00:00")
        #expect(CivilTime(iso: "2026-11-01")?.description == "2026-11-01T00:00:00")
        #expect(CivilTime(iso: "2026-11-01T08:30")?.description == "2026-11-01T08:30:00")
        #expect(CivilTime(compact: "20160230") == nil, "30 February does not exist")
        #expect(CivilTime(iso: "2026/11/01") == nil)
        #expect(CivilTime(iso: "2026-11-01")! < CivilTime(iso: "2026-11-01T00:00:01")!)
    }

    @Test func civilTimeFromUnixTime() {
        #expect(CivilTime(unixSeconds: 0, offsetSeconds: 0).description == "1970-01-01T00:00:00")
        #expect(CivilTime(unixSeconds: 1_763_856_000, offsetSeconds: 8 * 3600).description == "2025-11-23T08:00:00")
        #expect(CivilTime(unixSeconds: -1, offsetSeconds: 0).description == "1969-12-31T23:59:59")
        #expect(CivilTime(unixSeconds: 951_782_400, offsetSeconds: 0).description == "2000-02-29T00:00:00")
    }

    @Test func civilTimeOutsideTheYearsOneToNineThousandNineHundredNinetyNineIsHeldAtTheEnds() throws {
        let latest = "9999-12-31T23:59:59"
        let earliest = "0001-01-01T00:00:00"
        #expect(CivilTime(unixSeconds: 253_402_300_799, offsetSeconds: 0).description == latest)
        #expect(CivilTime(unixSeconds: 253_402_300_800, offsetSeconds: 0).description == latest)
        #expect(CivilTime(unixSeconds: .max, offsetSeconds: 14 * 3600).description == latest)
        #expect(CivilTime(unixSeconds: -62_135_596_800, offsetSeconds: 0).description == earliest)
        #expect(CivilTime(unixSeconds: .min, offsetSeconds: -12 * 3600).description == earliest)
        let day = try #require(CivilTime(iso: "2026-11-23T08:00:00"))
        #expect(day.adding(days: .max).description == latest)
        #expect(day.adding(days: .min).description == earliest)
        #expect(day.adding(days: 3_000_000).description == latest)
        #expect(day.adding(days: 7).description == "2026-11-30T08:00:00")
        #expect(try #require(CivilTime(iso: "9999-12-31T00:00:00")).adding(days: 1).description == latest)
    }

    @Test func civilTimeDayAndMonthAreTheDescriptionsStart() throws {
        let times = try [
            #require(CivilTime(year: 1, month: 1, day: 1)), #require(CivilTime(year: 999, month: 9, day: 9)),
            #require(CivilTime(year: 2026, month: 12, day: 31, hour: 23, minute: 59, second: 59)),
            #require(CivilTime(year: 9999, month: 10, day: 20, hour: 1)),
        ]
        for time in times {
            #expect(time.day == String(time.description.prefix(10)))
            #expect(time.month == String(time.description.prefix(7)))
        }
        #expect(times[2].day == "2026-12-31")
        #expect(times[0].month == "0001-01")
        #expect(
            times.map(\.description) == [
                "0001-01-01T00:00:00", "0999-09-09T00:00:00", "2026-12-31T23:59:59", "9999-10-20T01:00:00",
            ])
    }

    @Test(
        "SHA-256 matches the FIPS 180-4 test vectors",
        arguments: [
            ("", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"),
            ("abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"),
            (
                "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq",
                "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"
            ),
        ])
    func sha256(input: String, expected: String) {
        #expect(SHA256.hex(Array(input.utf8)) == expected)
    }

    @Test func theAllocationFreeLeadingWordAgreesWithTheFullDigest() {
        for length in 0...200 {
            let message = (0..<length).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ 7) }
            let expected = SHA256.digest(message).prefix(8).reduce(UInt64(0)) { $0 << 8 | UInt64($1) }
            #expect(message.withUnsafeBytes { SHA256.leadingWord(of: $0) } == expected, "length \(length)")
        }
    }

    @Test func sha256OfAMillionAs() {
        #expect(
            SHA256.hex([UInt8](repeating: 0x61, count: 1_000_000))
                == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
    }
}

@Suite("CSV rows")
struct CSVRowsTests {
    @Test func quotedFieldsKeepCommasQuotesAndLineBreaks() {
        let rows = CSVRows.parse("code,name\r\n\"A1\",\"Acme, \"\"East\"\"\r\nWing\"\r\nB2 , Beta\n")
        #expect(rows.map(\.line) == [1, 2, 4])
        #expect(
            rows.map { $0.fields.map(\.text) } == [
                ["code", "name"], ["A1", "Acme, \"East\"\r\nWing"], ["B2", "Beta"],
            ])
        #expect(rows[2].fields.map(\.column) == [1, 5])
    }

    @Test func columnsCountCharactersNotBytesAndUnicodeSpacesAreTrimmed() {
        let rows = CSVRows.parse("企业,名称,x\r\u{3000}甲\u{00A0},\t乙 ,\u{3000}")
        #expect(rows.count == 2)
        #expect(rows[0].fields.map(\.column) == [1, 4, 7])
        #expect(rows[1].line == 2)
        #expect(rows[1].fields.map(\.text) == ["甲", "乙", ""])
        #expect(rows[1].fields.map(\.column) == [1, 5, 9])
        // Names with nothing to trim come back whole; combining marks at either end stay.
        #expect(
            CSVRows.parse("跨境电商企业1208号有限公司,\u{0301}a ,\te\u{0301}\u{3000}").first?.fields.map(\.text)
                == ["跨境电商企业1208号有限公司", "\u{0301}a", "e\u{0301}"])
        #expect(CSVRows.parse("").isEmpty)
        #expect(CSVRows.parse("a,\"b").map { $0.fields.map(\.text) } == [["a", "b"]])
    }
}

@Suite("SHA-256 implementations")
struct SHA256ImplementationTests {
    @Test func everyImplementationGivesTheStandardDigests() {
        for implementation in SHA256.availableImplementations {
            #expect(
                hex(SHA256.digest(Array("abc".utf8), using: implementation))
                    == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", "\(implementation)")
            // FIPS 180-4's two-block example.
            let twoBlocks = Array("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq".utf8)
            #expect(
                hex(SHA256.digest(twoBlocks, using: implementation))
                    == "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1", "\(implementation)")
        }
    }

    private func hex(_ bytes: [UInt8]) -> String {
        bytes.map { ($0 < 16 ? "0" : "") + String($0, radix: 16) }.joined()
    }

    @Test func theProcessorsExtensionsAgreeWithSwiftOnEveryLengthAndPrefix() {
        guard SHA256.usesProcessorExtensions else { return }  // nothing to compare on this processor
        var generator = SystemRandomNumberGenerator()
        for length in 0...300 {
            let message = (0..<length).map { _ in UInt8.random(in: 0...255, using: &generator) }
            #expect(
                SHA256.digest(message, using: .processorExtensions) == SHA256.digest(message, using: .portable),
                "length \(length)")
            let prefix = SHA256.Prefix(Array(message.prefix(length / 2)))
            let rest = Array(message[(length / 2 - prefix.leftover.count)...])
            let words = SHA256.Implementation.allCases.map { implementation in
                rest.withUnsafeBytes { SHA256.leadingWord(of: $0, after: prefix, using: implementation) }
            }
            #expect(words[0] == words[1], "length \(length) after a prefix")
        }
    }
}
