import FuzzDriver
import FuzzSupport

/// The fuzz target for profiles, seeded with the default profile's files (NUL between files):
/// loading, checking, compiling and scoring with them. Build and run it with `scripts/fuzz.sh
/// FuzzProfileLoader` (docs/reliability.md).
@_cdecl("FuzzProfileLoader_main")
public func fuzzMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    FuzzDriver.run(argc, argv, check: FuzzChecks.loadProfile)
}
