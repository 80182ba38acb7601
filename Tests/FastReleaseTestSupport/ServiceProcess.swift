public import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// A `fastrelease serve` process started by a test, on a free port.
public final class ServiceProcess: @unchecked Sendable {
    /// The process id.
    public let pid: pid_t
    /// The port it listens on.
    public let port: Int
    /// Its standard error (the log), as a file.
    public let logFile: URL

    /// Starts `fastrelease serve --port 0` with more arguments and waits until it listens.
    public init(arguments: [String], environment: [String: String] = [:], logFile: URL) throws {
        self.logFile = logFile
        let executable = try ProcessRunner.executable.path
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 2, logFile.path, O_WRONLY | O_CREAT | O_APPEND, 0o644)
        var env = ProcessInfo.processInfo.environment.filter { !$0.key.hasPrefix("FASTRELEASE_") }
        for (key, value) in environment { env[key] = value }
        let argv = ([executable, "serve", "--port", "0"] + arguments).map { strdup($0) } + [nil]
        let envp = env.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer {
            for pointer in argv { free(pointer) }
            for pointer in envp { free(pointer) }
        }
        var pid: pid_t = 0
        let spawned = posix_spawn(&pid, executable, &actions, nil, argv, envp)
        guard spawned == 0 else { throw POSIXError(POSIXErrorCode(rawValue: spawned) ?? .EINVAL) }
        self.pid = pid
        let start = Date()
        var found: Int?
        while found == nil, Date().timeIntervalSince(start) < 60 {
            usleep(50_000)
            let log = (try? String(contentsOf: logFile, encoding: .utf8)) ?? ""
            found = Self.port(inLog: log)
            if found == nil, waitpid(pid, nil, WNOHANG) == pid {
                throw CocoaError(
                    .executableLoad, userInfo: [NSLocalizedDescriptionKey: "fastrelease serve exited:\n\(log)"])
            }
        }
        guard let found else {
            kill(pid, SIGKILL)
            throw CocoaError(.executableLoad, userInfo: [NSLocalizedDescriptionKey: "fastrelease serve did not start"])
        }
        port = found
    }

    /// Sends a signal.
    /// The port the `listening` line names, in the text format (`http.port=8080`) or as JSON
    /// (`"http.port":"8080"`).
    static func port(inLog log: String) -> Int? {
        for line in log.split(separator: "\n").reversed() where line.contains("listening") {
            for marker in ["http.port=", "\"http.port\":\""] {
                guard let range = line.range(of: marker) else { continue }
                return Int(line[range.upperBound...].prefix { $0.isNumber })
            }
        }
        return nil
    }

    public func signal(_ signal: Int32) {
        kill(pid, signal)
    }

    /// Waits for the process to end; returns its exit status (128 + signal when killed).
    public func wait(timeout: TimeInterval = 60) -> Int32? {
        let start = Date()
        while Date().timeIntervalSince(start) < timeout {
            var status: Int32 = 0
            if waitpid(pid, &status, WNOHANG) == pid {
                return (status & 0x7F) == 0 ? (status >> 8) & 0xFF : 128 + (status & 0x7F)
            }
            usleep(20_000)
        }
        return nil
    }

    deinit {
        if waitpid(pid, nil, WNOHANG) == 0 {
            kill(pid, SIGKILL)
            waitpid(pid, nil, 0)
        }
    }
}
