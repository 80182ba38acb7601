// swift-tools-version:6.1
// FastRelease: risk scoring and fast release of customs declarations.

import PackageDescription

// MARK: - Shared settings

/// Settings applied to every Swift target (see the loop at the end of this file).
let sharedSwiftSettings: [SwiftSetting] = [
    // https://github.com/apple/swift-evolution/blob/main/proposals/0335-existential-any.md
    .enableUpcomingFeature("ExistentialAny"),
    // https://github.com/swiftlang/swift-evolution/blob/main/proposals/0444-member-import-visibility.md
    .enableUpcomingFeature("MemberImportVisibility"),
    // https://github.com/swiftlang/swift-evolution/blob/main/proposals/0409-access-level-on-imports.md
    .enableUpcomingFeature("InternalImportsByDefault"),
]

// MARK: - Package

let package = Package(
    name: "FastRelease",
    products: [
        .library(name: "FastReleaseCore", targets: ["FastReleaseCore"]),
        .library(name: "FastReleaseFiles", targets: ["FastReleaseFiles"]),
        .library(name: "FastReleaseXML", targets: ["FastReleaseXML"]),
        .library(name: "FastReleaseStore", targets: ["FastReleaseStore"]),
        .library(name: "FastReleaseServer", targets: ["FastReleaseServer"]),
        .executable(name: "fastrelease", targets: ["fastrelease"]),
        .executable(name: "fastrelease-bench", targets: ["fastrelease-bench"]),
    ],
    traits: [
        .trait(
            name: "PostgreSQL",
            description: """
                The shared PostgreSQL decision log (PostgresNIO, and with it two copies of BoringSSL). \
                Leave it out (--disable-default-traits) for a build with SQLite only, in half the time.
                """),
        .default(enabledTraits: ["PostgreSQL"]),
    ],
    dependencies: [
        .package(url: "https://github.com/jpsim/Yams.git", from: "6.2.2"),
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-log.git", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-nio.git", from: "2.101.2"),
        .package(url: "https://github.com/apple/swift-collections.git", from: "1.6.0"),
        .package(url: "https://github.com/apple/swift-system.git", from: "1.8.1"),
        .package(url: "https://github.com/apple/swift-configuration.git", from: "1.4.0", traits: ["JSON", "YAML"]),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle.git", from: "2.13.0"),
        .package(url: "https://github.com/swift-server/swift-prometheus.git", from: "2.4.1"),
        .package(url: "https://github.com/hummingbird-project/hummingbird.git", from: "2.28.1"),
        .package(url: "https://github.com/groue/GRDB.swift.git", from: "7.10.0"),
        .package(url: "https://github.com/vapor/postgres-nio.git", from: "1.33.2"),
        .package(url: "https://github.com/swift-server/async-http-client.git", from: "1.37.0"),
        .package(url: "https://github.com/HdrHistogram/hdrhistogram-swift.git", from: "0.2.0"),
    ],
    targets: [
        // MARK: C

        .systemLibrary(
            name: "CLibXML2",
            pkgConfig: "libxml-2.0",
            providers: [.apt(["libxml2-dev"])]
        ),
        // SHA-256 blocks with the x86 SHA extensions, for the sampling draw (our own C).
        .target(name: "CSHA256Blocks"),

        // MARK: Libraries

        .target(
            name: "FastReleaseCore",
            dependencies: [
                "CSHA256Blocks",
                .product(name: "Yams", package: "Yams"),
            ]
        ),
        .target(
            name: "FastReleaseFiles",
            dependencies: ["FastReleaseCore"]
        ),
        .target(
            name: "FastReleaseXML",
            dependencies: [
                "FastReleaseCore",
                "CLibXML2",
            ],
            // The code tables are built in (CEB/GACCCodeTables+Embedded.swift); the CSV files are
            // where they are edited, not resources looked up beside the binary.
            exclude: ["Resources"]
        ),

        .target(
            name: "FastReleaseStore",
            dependencies: [
                "FastReleaseCore",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "PostgresNIO", package: "postgres-nio", condition: .when(traits: ["PostgreSQL"])),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .target(
            name: "FastReleaseServer",
            dependencies: [
                "FastReleaseCore",
                "FastReleaseFiles",
                "FastReleaseXML",
                "FastReleaseStore",
                "FastReleaseOperations",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Configuration", package: "swift-configuration"),
                .product(name: "Prometheus", package: "swift-prometheus"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "UnixSignals", package: "swift-service-lifecycle"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "DequeModule", package: "swift-collections"),
            ]
        ),

        .target(
            name: "FastReleaseBench",
            dependencies: [
                "FastReleaseCore",
                "FastReleaseXML",
            ]
        ),
        .target(
            name: "FastReleaseLoad",
            dependencies: [
                "FastReleaseBench",
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "Histogram", package: "hdrhistogram-swift"),
                .product(name: "NIOCore", package: "swift-nio"),
            ]
        ),

        // MARK: Executable

        .target(
            name: "FastReleaseOperations",
            dependencies: ["FastReleaseCore", "FastReleaseXML", "FastReleaseStore"]
        ),
        .executableTarget(
            name: "fastrelease",
            dependencies: [
                "FastReleaseCore",
                "FastReleaseFiles",
                "FastReleaseXML",
                "FastReleaseOperations",
                "FastReleaseStore",
                "FastReleaseServer",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Configuration", package: "swift-configuration"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "SystemPackage", package: "swift-system"),
            ]
        ),
        .executableTarget(
            name: "fastrelease-bench",
            dependencies: [
                "FastReleaseBench",
                "FastReleaseLoad",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),

        // MARK: Tests

        .target(
            name: "FastReleaseTestSupport",
            dependencies: [
                "FastReleaseCore", "FastReleaseFiles", "CLibXML2", .product(name: "Yams", package: "Yams"),
            ],
            path: "Tests/FastReleaseTestSupport"
        ),
        .testTarget(
            name: "FastReleaseCoreTests",
            dependencies: ["FastReleaseCore", "FastReleaseFiles", "FastReleaseTestSupport"]
        ),
        .testTarget(
            name: "FastReleaseXMLTests",
            dependencies: ["FastReleaseXML", "FastReleaseCore", "FastReleaseTestSupport"],
            exclude: ["Fixtures"]
        ),
        .testTarget(
            name: "FastReleaseStoreTests",
            dependencies: [
                "FastReleaseStore", "FastReleaseTestSupport", .product(name: "Logging", package: "swift-log"),
                .product(name: "GRDB", package: "GRDB.swift"),
            ]
        ),
        .testTarget(
            name: "FastReleaseServerTests",
            dependencies: [
                "FastReleaseServer", "FastReleaseStore", "FastReleaseCore", "FastReleaseFiles", "FastReleaseXML",
                "FastReleaseTestSupport", "FastReleaseOperations",
                "FastReleaseLoad",
                .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "Configuration", package: "swift-configuration"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "InMemoryLogging", package: "swift-log"),
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ]
        ),
        .testTarget(
            name: "FastReleaseBenchTests",
            dependencies: [
                "FastReleaseBench", "FastReleaseXML", "FastReleaseCore", "FastReleaseFiles", "FastReleaseTestSupport",
            ]
        ),
        .target(
            name: "FuzzSupport",
            dependencies: ["FastReleaseCore", "FastReleaseXML"],
            path: "Fuzz/FuzzSupport"
        ),
        .testTarget(
            name: "FuzzRegressionTests",
            dependencies: ["FuzzSupport"],
            path: "Tests/FuzzRegressionTests",
            exclude: ["Inputs"]
        ),
        .testTarget(
            name: "FastReleaseCLITests",
            dependencies: ["FastReleaseTestSupport", "FastReleaseStore", "FastReleaseCore"]
        ),
    ]
)

// MARK: - Benchmarks

// The micro-benchmarks (ordo-one/benchmark) are built only when asked for, so that the
// library, the service and CI do not build the benchmark framework:
//     FASTRELEASE_BENCHMARKS=1 swift package --disable-sandbox benchmark
if Context.environment["FASTRELEASE_BENCHMARKS"] != nil {
    package.dependencies.append(
        .package(url: "https://github.com/ordo-one/benchmark.git", from: "1.38.1", traits: ["MallocInterposer"]))
    package.targets.append(
        .executableTarget(
            name: "FastReleaseBenchmarks",
            dependencies: [
                "FastReleaseCore", "FastReleaseXML", "FastReleaseBench",
                .product(name: "Benchmark", package: "benchmark"),
            ],
            path: "Benchmarks/FastReleaseBenchmarks",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
        ))
}

// MARK: - Fuzzing

// libFuzzer targets (Fuzz/), built only when asked for, with the fuzzer's instrumentation on every
// target (scripts/fuzz.sh; docs/reliability.md):
//     FASTRELEASE_FUZZ=1 swift build --scratch-path .build-fuzz -Xswiftc -sanitize=fuzzer,address ...
// What the targets check (FuzzSupport) is an ordinary target: FuzzRegressionTests runs every
// input the fuzzers ever crashed on through it.
if Context.environment["FASTRELEASE_FUZZ"] != nil {
    package.targets.append(.target(name: "FuzzDriver", path: "Fuzz/FuzzDriver"))
    for name in ["FuzzCEBDecoder", "FuzzWCODecoder", "FuzzProfileLoader", "FuzzAmendmentMerge"] {
        package.targets.append(
            .executableTarget(
                name: name, dependencies: ["FuzzSupport", "FuzzDriver"], path: "Fuzz/\(name)",
                // libFuzzer brings main(); the target only defines LLVMFuzzerTestOneInput.
                swiftSettings: [.unsafeFlags(["-parse-as-library"])]))
    }
}

// MARK: - Documentation examples

// Every ```swift example of a `///` comment, compiled (scripts/check-doc-examples.sh writes the
// file; CI runs it).
if Context.environment["FASTRELEASE_DOC_EXAMPLES"] != nil {
    package.targets.append(
        .target(
            name: "FastReleaseDocExamples",
            dependencies: [
                "FastReleaseBench", "FastReleaseCore", "FastReleaseFiles", "FastReleaseOperations",
                "FastReleaseServer", "FastReleaseStore", "FastReleaseXML",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
            ],
            path: ".build-doc-examples/FastReleaseDocExamples",
            // The examples bind values only to show them; what matters is that they compile.
            swiftSettings: [.unsafeFlags(["-suppress-warnings"])]
        ))
}

// MARK: - Apply shared settings

// CI builds with FASTRELEASE_STRICT=1: every warning of this package's own code is an error
// (dependencies keep their warnings), and scripts/test.sh adds the explicit target-dependency
// import check.
let strictSettings: [SwiftSetting] =
    Context.environment["FASTRELEASE_STRICT"] != nil ? [.unsafeFlags(["-warnings-as-errors"])] : []

for target in package.targets where target.type != .system {
    let strict = target.name == "FastReleaseDocExamples" ? [] : strictSettings
    target.swiftSettings = (target.swiftSettings ?? []) + sharedSwiftSettings + strict
}
