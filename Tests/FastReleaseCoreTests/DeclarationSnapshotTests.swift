import FastReleaseCore
import FastReleaseTestSupport
import Foundation
import Testing

@Suite("Declaration snapshots")
struct DeclarationSnapshotTests {
    /// Every string shape that JSON escapes, and text that it does not.
    static let awkward =
        String((0..<0x20).map { Character(UnicodeScalar(UInt8($0))) }) + "\"\\/\u{7F}é中文\u{2028}😀 plain"

    /// Numbers that print in every form a `Double` has.
    static let numbers: [Double] = [
        0, -0.0, 1, -1, 0.1, 1.5, 1e-7, 1e21, 2.5e15, 1e16, 123_456_789.123, .leastNonzeroMagnitude,
        .greatestFiniteMagnitude,
        1_234_567_890_123_456_768, 20,
        // Either side of where whole numbers stop being written as integers.
        999_999_999_999_999, -999_999_999_999_999, 1e15, -1e15, -42,
    ]

    static func full(_ number: Double, text: String) -> Declaration {
        DeclarationBuilder.make(id: text) {
            $0.messageID = text
            $0.amends = text
            $0.carriesChangesOnly = true
            $0.function = .amendment
            $0.direction = .export
            $0.references = [NamedReference(name: text, value: text), NamedReference(name: "b", value: "")]
            $0.procedure = text
            $0.office = text
            $0.port = text
            $0.transportMode = text
            $0.dispatchCountry = CountryCode("CN")
            $0.destinationCountry = CountryCode("GB")
            $0.totalValue = number
            $0.grossWeight = number
            $0.netWeight = -number
            $0.packages = number
            $0.documents = [DocumentReference(kind: text, identifier: text)]
            $0.lots = [
                LotReference(identifier: text, quantity: number, line: 3),
                LotReference(identifier: "L", quantity: nil, line: nil),
            ]
            for role in PartyRole.allCases {
                $0.parties[role] = Party(code: text, name: role.rawValue, country: CountryCode("JP"))
            }
            $0.parties[.agent] = nil
            var item = $0.items[0]
            item.description = text
            item.quantity = number
            item.legalQuantity = number
            item.legalUnit = text
            item.unitPrice = number
            item.grossWeight = number
            item.netWeight = number
            item.destinationCountry = CountryCode("US")
            var bare = DeclarationItem(line: 2)
            bare.unit = text
            $0.items = [item, bare]
            $0.issues = [DataIssue(code: text, detail: text)]
            $0.position = SourcePosition(source: text, line: 12, column: 7)
        }
    }

    @Test func theWriterWritesWhatJSONEncoderWritesByteForByte() throws {
        var declarations = Self.numbers.map { Self.full($0, text: Self.awkward) }
        declarations.append(DeclarationBuilder.make())
        declarations.append(
            DeclarationBuilder.make {
                $0.declaredAt = nil
                $0.items[0].hs = nil
                $0.parties = Parties()
            })
        for declaration in declarations {
            let written = try DeclarationSnapshot.encode(declaration)
            #expect(written == (try DeclarationSnapshot.foundationEncoded(declaration)))
            #expect(try DeclarationSnapshot.decode(written) == declaration, "and it reads back")
        }
    }

    @Test func numbersJSONCannotHoldAreRefusedAsBefore() {
        for number in [Double.nan, .infinity, -.infinity] {
            let declaration = DeclarationBuilder.make { $0.items[0].value = number }
            #expect(throws: EncodingError.self) { try DeclarationSnapshot.encode(declaration) }
        }
    }
}
