public import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// Runs the built `fastrelease` executable and measures it, for command-line tests.
public enum ProcessRunner {
    /// What a run produced.
    public struct Result: Sendable {
        /// The exit status.
        public var status: Int32
        /// Standard output.
        public var output: Data
        /// Standard error, as text.
        public var errorText: String
        /// The child's peak resident memory, in kilobytes (sampled every 10 ms while it runs).
        public var maxResidentKilobytes: Int

        /// Standard output as text.
        public var outputText: String { String(decoding: output, as: UTF8.self) }
    }

    /// The `fastrelease` executable built beside the test bundle.
    public static var executable: URL {
        get throws {
            let here = URL(fileURLWithPath: try FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe"))
            var folder = here.deletingLastPathComponent()
            for _ in 0..<4 {
                let candidate = folder.appendingPathComponent("fastrelease")
                if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
                folder = folder.deletingLastPathComponent()
            }
            throw CocoaError(
                .fileNoSuchFile, userInfo: [NSFilePathErrorKey: "fastrelease next to \(here.path); build it first"])
        }
    }

    /// Runs `fastrelease` with arguments, feeding `inputFile` (or nothing) on standard input.
    public static func run(
        _ arguments: [String], inputFile: URL? = nil, workingDirectory: URL = Fixtures.repositoryRoot,
        environment: [String: String] = [:]
    ) throws -> Result {
        let folder = try TemporaryDirectory()
        let outputPath = folder.url.appendingPathComponent("stdout").path
        let errorPath = folder.url.appendingPathComponent("stderr").path
        let executable = try executable.path
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, inputFile?.path ?? "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, outputPath, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        posix_spawn_file_actions_addopen(&actions, 2, errorPath, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        var env = ProcessInfo.processInfo.environment
        env.removeValue(forKey: "FASTRELEASE_PROFILE")
        for (key, value) in environment { env[key] = value }
        // `sh` changes folder, then becomes fastrelease (exec keeps the process, so wait4 measures it).
        let command = ["/bin/sh", "-c", "cd \"$0\" && exec \"$@\"", workingDirectory.path, executable] + arguments
        let argv = command.map { strdup($0) } + [nil]
        let envp = env.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer {
            for pointer in argv { free(pointer) }
            for pointer in envp { free(pointer) }
        }
        var pid: pid_t = 0
        let spawned = posix_spawn(&pid, "/bin/sh", &actions, nil, argv, envp)
        guard spawned == 0 else { throw POSIXError(POSIXErrorCode(rawValue: spawned) ?? .EINVAL) }
        var status: Int32 = 0
        var usage = rusage()
        // The peak is read from the running process (`VmHWM`): wait4's `ru_maxrss` would count the
        // test process itself, whose memory the spawned child shares until it runs `exec`.
        var peak = 0
        while true {
            let waited = wait4(pid, &status, WNOHANG, &usage)
            if waited == pid || (waited < 0 && errno != EINTR) { break }
            peak = max(peak, highWaterKilobytes(of: pid))
            usleep(10_000)
        }
        let exitStatus = (status & 0x7F) == 0 ? (status >> 8) & 0xFF : 128 + (status & 0x7F)
        return Result(
            status: exitStatus,
            output: FileManager.default.contents(atPath: outputPath) ?? Data(),
            errorText: String(decoding: FileManager.default.contents(atPath: errorPath) ?? Data(), as: UTF8.self),
            maxResidentKilobytes: peak > 0 ? peak : usage.ru_maxrss)
    }

    /// A running process's peak resident memory since it last ran `exec`, in kilobytes (0 if gone).
    private static func highWaterKilobytes(of pid: pid_t) -> Int {
        guard let status = try? String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8),
            let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") })
        else { return 0 }
        return Int(line.split(separator: " ").dropFirst().first ?? "") ?? 0
    }
}
