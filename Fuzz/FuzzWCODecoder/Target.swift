import FuzzDriver
import FuzzSupport

/// The fuzz target for WCO DEC-DMS declarations, seeded with the official UK CDS samples: framing,
/// decoding, scoring and the JSON written. Build and run it with `scripts/fuzz.sh FuzzWCODecoder`
/// (docs/reliability.md).
@_cdecl("FuzzWCODecoder_main")
public func fuzzMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    FuzzDriver.run(argc, argv, check: FuzzChecks.decideAll)
}
