/// What this build of `fastrelease` was built with (the package's traits, Package.swift).
enum BuildTraits {
    /// The error for a PostgreSQL log asked of a build that leaves it out.
    static let postgresLeftOut =
        "this fastrelease was built without PostgreSQL (--disable-default-traits); "
        + "build it with `swift build` (`-c release` for speed) or `scripts/install.sh PREFIX` to use a postgres:// log"
}
