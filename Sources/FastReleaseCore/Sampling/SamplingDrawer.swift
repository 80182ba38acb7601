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
        var hash = SHA256()
        hash.update(seed.utf8)
        hash.update(CollectionOfOne(UInt8(ascii: "|")))
        hash.update(declarant.utf8)
        hash.update(CollectionOfOne(UInt8(ascii: "|")))
        hash.update(declarationID.utf8)
        let digest = hash.finalize()
        let leading = digest.prefix(8).reduce(UInt64(0)) { $0 << 8 | UInt64($1) }
        return Double(leading >> 11) / 9_007_199_254_740_992  // 2^53
    }

    /// The draw record for a declaration under a policy.
    public static func draw(
        _ declaration: Declaration, policy: SamplingPolicy, creditClass: String, asOf: CivilTime
    ) -> SamplingDraw {
        let month = asOf.month
        let period = policy.seeds[month] != nil ? month : "default"
        let seed = policy.seeds[period] ?? ""
        let rate = policy.rate(for: creditClass)
        let declarant = declaration.parties[.declarant]?.code ?? ""
        let value = draw(seed: seed, declarant: declarant, declarationID: declaration.id)
        return SamplingDraw(rate: rate, draw: value, drawn: value < rate, period: period, creditClass: creditClass)
    }
}
