import FastReleaseBench
import FastReleaseCore
import FastReleaseTestSupport
import FastReleaseXML
import Foundation
import Testing

@Suite("Corpus generator")
struct CorpusGeneratorTests {
    @Test func theCorpusProfileComesWithItsSeedsSoThatItDrawsAsTheProfileDoes() throws {
        let folder = try TemporaryDirectory()
        let corpus = folder.url.appendingPathComponent("corpus")
        _ = try CorpusGenerator(declarations: 50, seed: "seeds").write(to: corpus, profile: Fixtures.defaultProfile)
        let copied = corpus.appendingPathComponent("profile.seeds")
        #expect(try Data(contentsOf: copied) == Data(contentsOf: Fixtures.defaultSeeds))
        let mode = try FileManager.default.attributesOfItem(atPath: copied.path)[.posixPermissions] as? Int
        #expect(mode.map { $0 & 0o777 } == 0o600)
    }

    @Test func theSameSeedGivesTheSameBytesAndAnotherSeedOthers() {
        let first = CorpusGenerator(declarations: 500, seed: "a").messages()
        let again = CorpusGenerator(declarations: 500, seed: "a").messages()
        let other = CorpusGenerator(declarations: 500, seed: "b").messages()
        #expect(first.messages == again.messages)
        #expect(first.registerCSV == again.registerCSV)
        #expect(first.messages != other.messages)
    }

    @Test func theCorpusLooksLikeCrossBorderTraffic() throws {
        let corpus = CorpusGenerator(declarations: 3000, seed: "shape").messages()
        let decoder = XMLMessageDecoder()
        var records: [DecodedRecord] = []
        for (number, bytes) in corpus.messages.enumerated() {
            decoder.decode(
                MessageFrame(source: "m\(number)", sequence: number, bytes: bytes, startLine: 1), into: &records)
        }
        let declarations = records.compactMap {
            if case .declaration(let declaration, _) = $0 { declaration } else { nil }
        }
        #expect(declarations.count == 3000, "every generated declaration decodes")
        #expect(records.count == 3000, "and none is refused")
        let perMessage = 3000.0 / Double(corpus.messages.count)
        #expect((10...60).contains(perMessage), "1 to 100 declarations a message, \(perMessage) on average")
        let bytes = Double(corpus.messages.map(\.count).reduce(0, +)) / 3000
        #expect((3000...4300).contains(bytes), "about 3-4 KB a declaration: \(bytes)")
        let imports = declarations.filter { $0.direction == .import }.count
        #expect((2400...2850).contains(imports), "mostly imports: \(imports)")
        let items = declarations.map(\.items.count)
        #expect(items.allSatisfy { (1...20).contains($0) })
        #expect(declarations.contains { $0.items.count > 10 })
        #expect(Set(declarations.map(\.id)).count == 3000, "declaration ids are unique")
        #expect(declarations.contains { !$0.documents.isEmpty } && declarations.contains { !$0.lots.isEmpty })
        #expect(declarations.allSatisfy { $0.declaredAt.map { $0.value / 1_000_000 == 20_261_111 } ?? false })
    }

    @Test func enterprisesFollowTheJiangsuProportions() throws {
        let register = CorpusGenerator(declarations: 1, seed: "r").messages().registerCSV
        let rows = CSVRows.parse(register).dropFirst().filter { !$0.isBlank }
        func count(_ predicate: (CSVRows.Row) -> Bool) -> Int { rows.filter(predicate).count }
        #expect(
            count { $0.fields[2].text == "2" && $0.fields[3].text.isEmpty }
                > count { $0.fields[2].text == "3" && $0.fields[3].text.isEmpty })
        #expect(count { $0.fields[3].text == "red" } == 60)
        #expect(count { $0.fields[3].text == "black" } == 40)
        #expect(count { !$0.fields[4].text.isEmpty } > 0, "some are in a demonstration zone")
    }
}
