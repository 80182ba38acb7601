import FuzzDriver
import FuzzSupport

/// The fuzz target for a WCO declaration and its amendment (NUL between them), seeded with the
/// official samples: merging and the snapshot kept. Build and run it with `scripts/fuzz.sh
/// FuzzAmendmentMerge` (docs/reliability.md).
@_cdecl("FuzzAmendmentMerge_main")
public func fuzzMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    FuzzDriver.run(argc, argv, check: FuzzChecks.mergeAmendment)
}
