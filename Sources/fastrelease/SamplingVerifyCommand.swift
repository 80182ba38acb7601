import ArgumentParser
import FastReleaseCore
import FastReleaseFiles
import FastReleaseOperations

/// `fastrelease sampling verify --period P --seed SEED --store STORE`: the audit of a period.
struct SamplingVerifyCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify",
        abstract: "Check a revealed seed against its commitment and recompute every draw of its period from the log.",
        discussion: """
            Exit status 0 when the seed is the one committed to and every recorded draw of the period \
            is what it gives; 1 when not (each mismatch is listed); 2 when the options are wrong.
            """)

    @Option(help: "The period, a month: 2026-11.")
    var period: String

    @Option(help: "The revealed seed of the period.")
    var seed: String

    @Option(help: "The published commitment (default: the one in the profile).")
    var commitment: String?

    @Option(
        help:
            "The profile whose commitment and sampling lane apply (default: $FASTRELEASE_PROFILE, else Profiles/default)."
    )
    var profile: String?

    @Option(help: "The decision log: a SQLite file, or postgres://user[:password]@host[:port]/database.")
    var store = "decisions.sqlite"

    func run() async throws {
        guard SamplingSeeds.isPeriod(period) else {
            throw ValidationError("--period `\(period)` is not a month; write 2026-11")
        }
        // The profile is read without seeds: an auditor has only the revealed one.
        let policy = try ProfileOption.load(profile, withSeeds: false).source.sampling
        guard let published = commitment ?? policy.commitments[period] else {
            FileDescriptorSink.standardError.print(
                "fastrelease: the profile publishes no commitment for \(period); give the published one with --commitment"
            )
            throw ExitCode(2)
        }
        let period = self.period
        let seed = self.seed
        let audit = try await StoreLocation.withLog(store) { log in
            try await SamplingAudit.verify(
                period: period, seed: seed, commitment: published, lane: policy.lane, log: log)
        }
        FileDescriptorSink.standardOutput.print(String(audit.text().dropLast()))
        if !audit.passed { throw ExitCode(1) }
    }
}
