import Foundation

/// Runs libFuzzer with a target's check, from the target's own `main`.
///
/// SwiftPM links an executable target's entry point as `main` (`TARGET_main`), so a target
/// defines that and hands its check here; libFuzzer runs through `LLVMFuzzerRunDriver`.
public enum FuzzDriver {
    /// A target's check: what failed for one input (empty when nothing did).
    public typealias Check = (UnsafeRawBufferPointer) -> [String]

    /// The check libFuzzer's callback runs; set once, before libFuzzer starts.
    nonisolated(unsafe) fileprivate static var check: Check = { _ in [] }

    /// Runs libFuzzer with the command line, each input through `check`; returns its exit status.
    public static func run(
        _ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?, check: @escaping Check
    ) -> CInt {
        Self.check = check
        var count = argc
        var arguments = argv
        return withUnsafeMutablePointer(to: &count) { count in
            withUnsafeMutablePointer(to: &arguments) { arguments in runDriver(count, arguments, fuzzOne) }
        }
    }
}

/// libFuzzer's callback: one input through the target's check, stopping on a failure.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOne(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    FuzzDriver.stop(on: FuzzDriver.check(UnsafeRawBufferPointer(start: data, count: size)))
    return 0
}

extension FuzzDriver {
    /// Stops the process, so that libFuzzer keeps the input, when a check found `problems`.
    public static func stop(on problems: [String]) {
        guard !problems.isEmpty else { return }
        FileHandle.standardError.write(Data(("fuzz: " + problems.joined(separator: "\nfuzz: ") + "\n").utf8))
        abort()
    }
}

/// libFuzzer's driver (compiler-rt, `FuzzerInterface.h`).
@_silgen_name("LLVMFuzzerRunDriver")
private func runDriver(
    _ argc: UnsafeMutablePointer<CInt>,
    _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
    _ function: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt
) -> CInt
