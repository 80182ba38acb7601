import Testing

@testable import FastReleaseCore

/// Whole numbers written as decimal text into byte buffers (JSON, XML, snapshots).
@Suite("Integer text")
struct IntegerTextTests {
    @Test(arguments: [0, 7, -7, 10, 1_234_567, -1_000_000_000_000_000, Int.max, Int.min])
    func everyIntIsWrittenAsItsDescription(_ value: Int) {
        var bytes: [UInt8] = []
        bytes.append(integer: value)
        #expect(String(decoding: bytes, as: UTF8.self) == String(value))
    }
}
