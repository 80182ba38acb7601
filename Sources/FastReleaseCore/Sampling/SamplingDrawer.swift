/// Computes the reproducible random-selection draw of a declaration.
///
/// `draw = (first 16 hex digits of sha256("seed|declarant|declaration id") >> 11) / 2^53`,
/// so an auditor can recompute it:
///
/// ```sh
/// h=$(printf '%s' 'SEED|DECLARANT|ID' | sha256sum | cut -c1-16)
/// python3 -c "print((int('$h', 16) >> 11) / 2**53)"
/// ```
public enum SamplingDrawer {
    /// The draw in `[0, 1)` for one declaration.
    public static func draw(seed: String, declarant: String, declarationID: String) -> Double {
        var seed = seed
        var declarant = declarant
        var declarationID = declarationID
        let length = seed.utf8.count + declarant.utf8.count + declarationID.utf8.count + 2
        let leading = withUnsafeTemporaryAllocation(of: UInt8.self, capacity: length) { message -> UInt64 in
            var offset = 0
            func put(_ text: inout String) {
                text.withUTF8 { bytes in
                    for byte in bytes {
                        message[offset] = byte
                        offset += 1
                    }
                }
            }
            put(&seed)
            message[offset] = UInt8(ascii: "|")
            offset += 1
            put(&declarant)
            message[offset] = UInt8(ascii: "|")
            offset += 1
            put(&declarationID)
            return SHA256.leadingWord(of: UnsafeRawBufferPointer(message))
        }
        return Double(leading >> 11) / 9_007_199_254_740_992  // 2^53
    }

    /// The draw record for a declaration under a policy.
    public static func draw(
        _ declaration: Declaration, policy: SamplingPolicy, creditClass: String, asOf: CivilTime
    ) -> SamplingDraw {
        let (period, seed) = policy.seed(forMonth: asOf.yearMonth)
        let rate = policy.rate(for: creditClass)
        let declarant = declaration.parties.code(.declarant) ?? ""
        let value = draw(seed: seed, declarant: declarant, declarationID: declaration.id)
        return SamplingDraw(rate: rate, draw: value, drawn: value < rate, period: period, creditClass: creditClass)
    }
}
