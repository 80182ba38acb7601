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
        .library(name: "FastReleaseXML", targets: ["FastReleaseXML"]),
        .executable(name: "fastrelease", targets: ["fastrelease"]),
    ],
    dependencies: [
        .package(url: "https://github.com/jpsim/Yams.git", from: "6.2.2"),
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.8.2"),
    ],
    targets: [
        // MARK: C

        .systemLibrary(
            name: "CLibXML2",
            pkgConfig: "libxml-2.0",
            providers: [.apt(["libxml2-dev"])]
        ),

        // MARK: Libraries

        .target(
            name: "FastReleaseCore",
            dependencies: [
                .product(name: "Yams", package: "Yams")
            ]
        ),
        .target(
            name: "FastReleaseXML",
            dependencies: [
                "FastReleaseCore",
                "CLibXML2",
            ],
            resources: [.copy("Resources/codes")]
        ),

        // MARK: Executable

        .executableTarget(
            name: "fastrelease",
            dependencies: [
                "FastReleaseCore",
                "FastReleaseXML",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),

        // MARK: Tests

        .target(
            name: "FastReleaseTestSupport",
            dependencies: ["FastReleaseCore"],
            path: "Tests/FastReleaseTestSupport"
        ),
        .testTarget(
            name: "FastReleaseCoreTests",
            dependencies: ["FastReleaseCore", "FastReleaseTestSupport"]
        ),
        .testTarget(
            name: "FastReleaseXMLTests",
            dependencies: ["FastReleaseXML", "FastReleaseCore", "FastReleaseTestSupport"],
            exclude: ["Fixtures"]
        ),
        .testTarget(
            name: "FastReleaseCLITests",
            dependencies: ["FastReleaseTestSupport"]
        ),
    ]
)

// MARK: - Apply shared settings

for target in package.targets where target.type != .system {
    target.swiftSettings = (target.swiftSettings ?? []) + sharedSwiftSettings
}
