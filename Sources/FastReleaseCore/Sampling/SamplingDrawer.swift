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
/// same goods again under a new id draws the same way.
public enum SamplingDrawer {
    /// The draw in `[0, 1)` for a seed and a key.
    public static func draw(seed: String, key: String) -> Double {
        var seed = seed
        var key = key
        let length = seed.utf8.count + key.utf8.count + 1
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
            put(&key)
            return SHA256.leadingWord(of: UnsafeRawBufferPointer(message))
        }
        return Double(leading >> 11) / 9_007_199_254_740_992  // 2^53
    }

    /// The draw record for a declaration under a policy, in the period of `at`.
    ///
    /// Without the period's seed there is no draw: `draw` is `nil`, nothing is drawn, and
    /// ``SamplingDraw/seedMissing`` tells whether one was needed.
    public static func draw(
        _ declaration: Declaration, policy: SamplingPolicy, creditClass: String, at: CivilTime
    ) -> SamplingDraw {
        let (period, seed) = policy.seed(forMonth: at.yearMonth)
        let rate = policy.rate(for: creditClass)
        let key = ConsignmentKey.of(declaration)
        guard let seed else {
            var missing = SamplingDraw(
                rate: rate, draw: nil, drawn: false, period: period, creditClass: creditClass, key: key)
            missing.at = at
            return missing
        }
        let value = draw(seed: seed, key: key)
        var made = SamplingDraw(
            rate: rate, draw: value, drawn: value < rate, period: period, creditClass: creditClass, key: key)
        made.at = at
        return made
    }
}
