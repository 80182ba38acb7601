import Testing

@testable import FastReleaseCore

/// Whole numbers and JSON strings written as text into byte buffers (JSON, XML, snapshots),
/// arrays and raw buffers alike.
@Suite("Integer text")
struct IntegerTextTests {
    @Test(arguments: [0, 7, -7, 10, 1_234_567, -1_000_000_000_000_000, Int.max, Int.min])
    func everyIntIsWrittenAsItsDescription(_ value: Int) {
        var bytes: [UInt8] = []
        bytes.append(integer: value)
        #expect(String(decoding: bytes, as: UTF8.self) == String(value))
        var raw = RawByteBuffer(capacity: 1)
        defer { raw.deallocate() }
        raw.writeInteger(value)
        #expect(Array(raw.written) == bytes)
    }

    /// A raw buffer that grows many times over holds what an array holds for the same writes:
    /// JSON strings with every kind of escape, integers, literal text; and drops what is dropped.
    @Test func aRawBufferHoldsWhatAnArrayHolds() {
        var raw = RawByteBuffer(capacity: 16)
        defer { raw.deallocate() }
        var array: [UInt8] = []
        for round in 0..<500 {
            var text = "名称 \"\(round)\" \\ \n\r\t\u{08}\u{0C}\u{01}\u{1F} é"
            text.withUTF8 {
                raw.writeJSONString($0, namingBackspaceAndFormFeed: round % 2 == 0)
                array.writeJSONString($0, namingBackspaceAndFormFeed: round % 2 == 0)
            }
            raw.append(",")
            array.append(",")
            raw.writeInteger(-round)
            array.append(integer: -round)
        }
        raw.removeLast(3)
        array.removeLast(3)
        #expect(raw.count == array.count)
        #expect(Array(raw.written) == array)
        #expect(String(decoding: array.prefix(43), as: UTF8.self) == #""名称 \"0\" \\ \n\r\t\b\f\u0001\u001f é""#)
    }
}
