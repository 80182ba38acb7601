/// Computes the reproducible random-selection draw of a declaration.
///
/// `draw = (first 16 hex digits of sha256("seed|consignment key") >> 11) / 2^53`, so an
/// auditor can recompute it once the period's seed is revealed:
///
/// ```sh
/// h=$(printf '%s' 'SEED|CEB|3301960001|ORDER-1|WAYBILL-1' | sha256sum | cut -c1-16)
/// python3 -c "print((int('$h', 16) >> 11) / 2**53)"
/// ```
///
/// The key (``ConsignmentKey``) names the consignment, not the declaration, so declaring the
/// same goods again under a new id draws the same way. Top-ups and examiners are drawn the same
/// way with `top-up|` and `examiner|` before the key.
public enum SamplingDrawer {
    /// The draw in `[0, 1)` for a seed and a key's text.
    public static func draw(seed: String, key: String) -> Double {
        var key = key
        return key.withUTF8 { keyBytes in
            hash(seed: SHA256.Prefix(Array(seed.utf8)), length: keyBytes.count) { buffer, offset in
                copy(keyBytes, into: buffer, at: offset)
            }
        }
    }

    /// The draw in `[0, 1)` for a seed hashed ahead (``SamplingPolicy/seedHash(forMonth:)``), an
    /// optional salt (`top-up|`, `examiner|`) and a key, without making the key's text: the same
    /// value as ``draw(seed:key:)`` of the seed's text and the salt and key's text, with the
    /// seed's whole SHA-256 blocks (a 64-character seed is one) not hashed again.
    public static func draw(seed: SHA256.Prefix, key: ConsignmentKey, salt: StaticString = "") -> Double {
        hash(seed: seed, length: salt.utf8CodeUnitCount + key.byteCount) { buffer, offset in
            let afterSalt = salt.withUTF8Buffer { copy($0, into: buffer, at: offset) }
            return key.write(into: buffer, at: afterSalt)
        }
    }

    /// `(leading 64 bits of sha256(seed | what `write` writes) >> 11) / 2^53`; `write` gets the
    /// buffer and where to start, and returns where it stopped.
    private static func hash(
        seed: SHA256.Prefix, length: Int, _ write: (UnsafeMutableBufferPointer<UInt8>, Int) -> Int
    ) -> Double {
        let total = seed.leftover.count + 1 + length
        let leading = withUnsafeTemporaryAllocation(of: UInt8.self, capacity: total) { message -> UInt64 in
            var offset = seed.leftover.withUnsafeBufferPointer { copy($0, into: message, at: 0) }
            message[offset] = UInt8(ascii: "|")
            offset = write(message, offset + 1)
            return SHA256.leadingWord(
                of: UnsafeRawBufferPointer(UnsafeBufferPointer(rebasing: message[0..<offset])), after: seed)
        }
        return Double(leading >> 11) / 9_007_199_254_740_992  // 2^53
    }

    private static func copy(
        _ bytes: UnsafeBufferPointer<UInt8>, into buffer: UnsafeMutableBufferPointer<UInt8>, at offset: Int
    ) -> Int {
        var offset = offset
        for byte in bytes {
            buffer[offset] = byte
            offset += 1
        }
        return offset
    }

    /// The draw record for a declaration, in the period `period` whose seed was hashed ahead
    /// (``SamplingPolicy/seedHash(forMonth:)``), at its credit class's rate
    /// (``SamplingPolicy/rate(for:)``). Without the period's seed there is no draw: `draw` is
    /// `nil`, nothing is drawn, and ``SamplingDraw/seedMissing`` tells whether one was needed.
    public static func draw(
        _ declaration: borrowing Declaration, period: String, seed: SHA256.Prefix?, rate: Double, creditClass: String,
        at: CivilTime
    ) -> SamplingDraw {
        let key = ConsignmentKey(declaration)
        var value: Double? = nil
        if let seed { value = draw(seed: seed, key: key) }
        return SamplingDraw(
            rate: rate, draw: value, drawn: value.map { $0 < rate } ?? false, period: period,
            creditClass: creditClass, consignment: consume key, at: at)
    }
}
