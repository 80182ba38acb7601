import FastReleaseTestSupport
import Foundation
import Testing

/// `scripts/install.sh PREFIX`: a relocatable binary with its code tables built in, and the
/// default profile where the installed binary looks for it.
@Suite("scripts/install.sh", .tags(.process), .long, .timeLimit(.minutes(3)))
struct InstallTests {
    @Test func theInstalledBinaryRunsFromAnywhereWithItsTablesAndProfile() throws {
        let prefix = try TemporaryDirectory()
        let install = Process()
        install.executableURL = Fixtures.repositoryRoot.appendingPathComponent("scripts/install.sh")
        install.arguments = [prefix.url.path]
        install.environment = ProcessInfo.processInfo.environment.merging(
            ["FASTRELEASE_INSTALL_BINARY": try ProcessRunner.executable.path]) { _, new in new }
        install.standardOutput = FileHandle.nullDevice
        try install.run()
        install.waitUntilExit()
        #expect(install.terminationStatus == 0)
        let binary = prefix.url.appendingPathComponent("bin/fastrelease")
        let seeds = prefix.url.appendingPathComponent("share/fastrelease/profiles/default.seeds")
        #expect(
            (try FileManager.default.attributesOfItem(atPath: seeds.path)[.posixPermissions] as? Int).map { $0 & 0o777 }
                == 0o600)

        // Run from an empty folder: no Profiles/ here, no build folder beside the binary.
        let elsewhere = try TemporaryDirectory()
        let score = Process()
        score.executableURL = binary
        score.arguments = ["score", Fixtures.officialCEBSamples.appendingPathComponent("CEB621Message.xml").path]
        score.currentDirectoryURL = elsewhere.url
        score.environment = ProcessInfo.processInfo.environment.filter { !$0.key.hasPrefix("FASTRELEASE_") }
        let output = Pipe()
        let errors = Pipe()
        score.standardOutput = output
        score.standardError = errors
        try score.run()
        let decisions = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        let summary = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        score.waitUntilExit()
        #expect(score.terminationStatus == 0, "\(summary)")
        #expect(summary.contains("profile default@"), "the installed default profile is found: \(summary)")
        #expect(decisions.contains("\"declaration\":\"NBBH20160308005\""))
        #expect(!decisions.contains("unknown-country"), "GACC 116 is read as Japan from the built-in tables")
    }
}

/// The service binary links neither the load generator's HTTP client nor its histograms: those
/// are `fastrelease-bench`'s.
@Suite("What fastrelease links", .tags(.process), .long, .timeLimit(.minutes(2)))
struct LinkedLibrariesTests {
    @Test func fastreleaseLinksNeitherAsyncHTTPClientNorHdrHistogram() throws {
        let nm = ["/usr/bin/nm", "/bin/nm"].first { FileManager.default.isExecutableFile(atPath: $0) }
        try #require(nm != nil, "nm (binutils) reads the binary's symbols")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: nm!)
        process.arguments = ["-C", try ProcessRunner.executable.path]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        let symbols = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(symbols.contains("FastReleaseServer"), "the symbols were read")
        #expect(!symbols.contains("AsyncHTTPClient"))
        #expect(!symbols.contains("HdrHistogram") && !symbols.contains("Histogram.Histogram"))
    }
}
