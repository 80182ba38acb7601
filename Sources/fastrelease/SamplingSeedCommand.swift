import ArgumentParser
import FastReleaseCore
import FastReleaseFiles
import Foundation

/// `fastrelease sampling seed --seeds FILE --period yyyy-MM`: a new secret seed, and the
/// commitment to publish.
struct SamplingSeedCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "seed",
        abstract: "Add a new random seed for a period to a seeds file and print the commitment to publish.",
        discussion: """
            The seed is 32 bytes from the system's cryptographic random source, written as 64 \
            hexadecimal digits. The file is created readable by its owner only. Put the printed line \
            under sampling.commitments in the profile before the period starts; reveal the seed after \
            it ends.
            """)

    @Option(help: "The seeds file (created when missing).")
    var seeds: String

    @Option(help: "The period, a month: 2027-01.")
    var period: String

    func validate() throws {
        guard SamplingSeeds.isPeriod(period) else {
            throw ValidationError("--period `\(period)` is not a month; write 2027-01")
        }
    }

    func run() throws {
        var text = ""
        if FileManager.default.fileExists(atPath: seeds) {
            let existing: SamplingSeeds
            do {
                existing = try SeedsFile.read(seeds).seeds
            } catch {
                FileDescriptorSink.standardError.print("fastrelease: \(error)")
                throw ExitCode(2)
            }
            guard existing.byPeriod[period] == nil else {
                FileDescriptorSink.standardError.print(
                    "fastrelease: \(seeds) has a seed for \(period) already; a committed seed is never replaced")
                throw ExitCode(2)
            }
            text = String(decoding: FileManager.default.contents(atPath: seeds) ?? Data(), as: UTF8.self)
            if !text.isEmpty, !text.hasSuffix("\n") { text += "\n" }
        } else {
            text = "# fastrelease sampling seeds: keep this file readable by operators only\n"
        }
        var generator = SystemRandomNumberGenerator()
        let seed = (0..<32).map { _ in
            let byte = UInt8.random(in: 0...255, using: &generator)
            return (byte < 16 ? "0" : "") + String(byte, radix: 16)
        }.joined()
        text += "\(period) \(seed)\n"
        // Written beside, then renamed over the file: the seeds are never half written.
        guard
            FileManager.default.createFile(
                atPath: seeds + ".new", contents: Data(text.utf8), attributes: [.posixPermissions: 0o600]),
            rename(seeds + ".new", seeds) == 0
        else {
            FileDescriptorSink.standardError.print("fastrelease: cannot write \(seeds)")
            throw ExitCode(2)
        }
        FileDescriptorSink.standardOutput.print(
            "# add under sampling.commitments in the profile, before \(period) starts:\n    \"\(period)\": \(SamplingSeeds.commitment(to: seed))"
        )
    }
}
