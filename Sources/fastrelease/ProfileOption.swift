import ArgumentParser
import FastReleaseCore
import FastReleaseFiles
import Foundation

/// Finds, loads and compiles the profile named by `--profile`, the environment or the default,
/// with the sampling seeds named by `--seeds`, `FASTRELEASE_SEEDS` or found beside it.
enum ProfileOption {
    /// The environment variable naming the profile directory.
    static let environmentKey = "FASTRELEASE_PROFILE"

    /// `Profiles/default` in the current folder, else the installed one beside the executable
    /// (`PREFIX/share/fastrelease/profiles/default` for `PREFIX/bin/fastrelease`, as
    /// `scripts/install.sh` lays them out).
    static var defaultDirectory: String {
        let local = "Profiles/default"
        if FileManager.default.fileExists(atPath: local + "/profile.yaml") { return local }
        let executable = (Bundle.main.executableURL ?? URL(fileURLWithPath: CommandLine.arguments[0]))
            .resolvingSymlinksInPath()
        let installed = executable.deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("share/fastrelease/profiles/default").path
        return FileManager.default.fileExists(atPath: installed + "/profile.yaml") ? installed : local
    }

    static func load(_ option: String?, seeds: String? = nil, withSeeds: Bool = true, language: String? = nil) throws
        -> CompiledProfile
    {
        let directory = option ?? ProcessInfo.processInfo.environment[environmentKey] ?? defaultDirectory
        do {
            let (profile, warnings) = try ProfileFolder.load(directory, seeds: seeds, withSeeds: withSeeds)
            var all = warnings
            if withSeeds, let missing = SeedsFile.missingWarning(for: profile, folder: directory) {
                all.append(missing)
            }
            for warning in all {
                FileDescriptorSink.standardError.print(warning.description(in: MessageLanguage.current))
            }
            if let language, !profile.languages.contains(language) {
                FileDescriptorSink.standardError.print(
                    "fastrelease: the profile in \(directory) writes its rules in \(profile.languages.joined(separator: ", ")), not \(language)"
                )
                throw ExitCode(2)
            }
            return CompiledProfile(language.map(profile.inLanguage) ?? profile)
        } catch let error as ProfileError {
            FileDescriptorSink.standardError.print(
                "fastrelease: cannot use the profile in \(directory)\n\(error.description(in: MessageLanguage.current))"
            )
            throw ExitCode(2)
        } catch {
            FileDescriptorSink.standardError.print("fastrelease: cannot use the profile in \(directory)\n\(error)")
            throw ExitCode(2)
        }
    }
}
