public import FastReleaseCore
import Foundation

/// The seeds file of random selection on disk (its format: ``SamplingSeeds``).
///
/// It is found, in order, at the path given (`--seeds`, `sampling.seeds`), in the environment
/// (`FASTRELEASE_SEEDS`), or beside the profile folder as `FOLDER.seeds` (`Profiles/default.seeds`
/// for `Profiles/default`): never inside the folder, whose files are shown to operators, kept in
/// the profile history and sent with profile changes.
///
/// ```swift
/// let (seeds, warnings) = try SeedsFile.read("Profiles/default.seeds")
/// ```
public enum SeedsFile {
    /// The environment variable naming the seeds file.
    public static let environmentKey = "FASTRELEASE_SEEDS"

    /// The seeds file for a profile folder: `given`, else the environment's, else `FOLDER.seeds`
    /// when it exists; `nil` when there is none.
    public static func path(given: String?, profile directory: String) -> String? {
        if let given, !given.isEmpty { return given }
        if let named = ProcessInfo.processInfo.environment[environmentKey], !named.isEmpty { return named }
        let beside = beside(profile: directory)
        return FileManager.default.fileExists(atPath: beside) ? beside : nil
    }

    /// `FOLDER.seeds` for a profile folder.
    public static func beside(profile directory: String) -> String {
        var folder = directory
        while folder.count > 1, folder.hasSuffix("/") { folder.removeLast() }
        return folder + ".seeds"
    }

    /// Reads a seeds file; warns when users other than its owner may read it.
    ///
    /// - Throws: ``ProfileError`` when the file cannot be read or a line is not `yyyy-MM SEED`.
    public static func read(_ path: String) throws(ProfileError) -> (seeds: SamplingSeeds, warnings: [ProfileIssue]) {
        let at = SourcePosition(source: path, line: 1, column: 1)
        guard let data = FileManager.default.contents(atPath: path) else {
            throw ProfileError(issues: [
                ProfileIssue(
                    .error, at: at,
                    "cannot read the seeds file \(path); make one with `fastrelease sampling seed --seeds \(path) --period yyyy-MM`"
                )
            ])
        }
        let seeds = try SamplingSeeds.parse(String(decoding: data, as: UTF8.self), source: path)
        var warnings: [ProfileIssue] = []
        if let mode = (try? FileManager.default.attributesOfItem(atPath: path))?[.posixPermissions] as? Int,
            mode & 0o077 != 0
        {
            warnings.append(
                ProfileIssue(
                    .warning, at: at,
                    "the seeds file can be read by users other than its owner (mode \(String(mode & 0o777, radix: 8))); whoever reads a seed can compute its period's draws: chmod 600 \(path)"
                ))
        }
        return (seeds, warnings)
    }

    /// The warning for a profile that draws but was given no seeds; `nil` when it has seeds or
    /// draws nothing.
    public static func missingWarning(for profile: RiskProfile, folder: String) -> ProfileIssue? {
        guard profile.sampling.drawsAnything, profile.sampling.seeds.byPeriod.isEmpty else { return nil }
        return ProfileIssue(
            .warning, at: SourcePosition(source: folder, line: 1, column: 1),
            "no seeds file (--seeds, \(environmentKey) or \(beside(profile: folder))): declarations whose class may be drawn will not be decided"
        )
    }

    /// Reads the seeds file found for a profile (``path(given:profile:)``) and attaches its seeds
    /// to the profile, checked against its commitments. A profile without a seeds file is
    /// returned as it is (``missingWarning(for:folder:)`` says what that means).
    ///
    /// - Throws: ``ProfileError`` for an unreadable file, a bad line, or a seed that is not the
    ///   one committed to.
    public static func attach(to profile: RiskProfile, given: String?, folder: String) throws(ProfileError) -> (
        profile: RiskProfile, warnings: [ProfileIssue]
    ) {
        guard let path = path(given: given, profile: folder) else { return (profile, []) }
        let (seeds, warnings) = try read(path)
        return (try seeds.attach(to: profile, source: path), warnings)
    }
}
