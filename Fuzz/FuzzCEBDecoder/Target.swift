import FuzzDriver
import FuzzSupport

/// The fuzz target for CEB messages, seeded with the official CEB samples: framing, decoding,
/// scoring and the JSON written. Build and run it with `scripts/fuzz.sh FuzzCEBDecoder`
/// (docs/reliability.md).
@_cdecl("FuzzCEBDecoder_main")
public func fuzzMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    FuzzDriver.run(argc, argv, check: FuzzChecks.decideAll)
}
