import Testing

@testable import FastReleaseXML

@Suite("Interned element names")
struct InternedNamesTests {
    /// Names as a parser's dictionary would hand them: one address per name.
    private final class Dictionary {
        let names: [UnsafeMutablePointer<UInt8>]
        init(_ texts: [String]) {
            names = texts.map { text in
                let bytes = Array(text.utf8) + [0]
                let name = UnsafeMutablePointer<UInt8>.allocate(capacity: bytes.count)
                name.initialize(from: bytes, count: bytes.count)
                return name
            }
        }
        deinit { for name in names { name.deallocate() } }
        var address: UnsafeRawPointer { UnsafeRawPointer(Unmanaged.passUnretained(self).toOpaque()) }
    }

    private final class Counter { var lookups = 0 }

    @Test func aNameIsLookedUpOnceAndAnotherDictionaryStartsAfresh() {
        let counter = Counter()
        let table = InternedNames<CEBElement> { name in
            counter.lookups += 1
            return CEBElement.named(name)
        }
        let first = Dictionary(["copNo", "gcode", "Unknown"])
        table.use(dictionary: first.address, generation: 0)
        for _ in 0..<50 {
            #expect(table.element(first.names[0]) == .copNo)
            #expect(table.element(first.names[1]) == .gcode)
            #expect(table.element(first.names[2]) == nil)
        }
        #expect(counter.lookups == 3)

        table.use(dictionary: first.address, generation: 0)
        _ = table.element(first.names[0])
        #expect(counter.lookups == 3, "the same dictionary keeps what was looked up")

        let second = Dictionary(["gcode"])
        table.use(dictionary: second.address, generation: 0)
        #expect(table.element(second.names[0]) == .gcode)
        _ = table.element(first.names[0])
        #expect(counter.lookups == 5, "another dictionary: every name is looked up again")

        table.use(dictionary: second.address, generation: 1)
        _ = table.element(second.names[0])
        #expect(counter.lookups == 6, "a new parser's dictionary at the old address: looked up again")
    }

    @Test func manyNamesSharingSlotsAreEachAnsweredRightly() {
        let texts = CEBElement.allCases.map(\.rawValue) + (0..<300).map { "Other\($0)" }
        let names = Dictionary(texts)
        let table = InternedNames(lookup: CEBElement.named)
        table.use(dictionary: names.address, generation: 0)
        for _ in 0..<3 {
            for (index, name) in names.names.enumerated() {
                #expect(table.element(name) == CEBElement(rawValue: texts[index]), "\(texts[index])")
            }
        }
    }
}
