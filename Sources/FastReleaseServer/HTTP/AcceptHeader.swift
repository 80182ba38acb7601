/// Media types named in an `Accept` header, matched as bytes without regard to case.
///
/// Every declaration request asks which answer it wants; a plain byte scan costs a fraction of
/// lower-casing the header and searching it with `String.contains`, whose generic searcher
/// cost about 1.4 % of the service's time on single-declaration requests (`perf`, 2026-12-07),
/// even for a request without the header.
enum AcceptHeader {
    /// Whether `header` contains `mediaType`, in any case. `mediaType` is given in lower case.
    static func names(_ header: String?, _ mediaType: StaticString) -> Bool {
        guard var header, header.utf8.count >= mediaType.utf8CodeUnitCount else { return false }
        let wanted = UnsafeBufferPointer(start: mediaType.utf8Start, count: mediaType.utf8CodeUnitCount)
        return header.withUTF8 { text in
            for start in 0...(text.count - wanted.count) {
                var matched = 0
                while matched < wanted.count, lowercased(text[start + matched]) == wanted[matched] { matched += 1 }
                if matched == wanted.count { return true }
            }
            return false
        }
    }

    private static func lowercased(_ byte: UInt8) -> UInt8 {
        byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") ? byte + 32 : byte
    }
}
