import CSHA256Blocks

/// SHA-256 (FIPS 180-4), used for profile version hashes and for the sampling draw.
///
/// The draw must be recomputable by an auditor with standard tools (`sha256sum`), so it uses
/// this standard hash rather than a faster private one. ``leadingWord(of:)`` hashes a short
/// message without allocating, for the per-declaration draw. Blocks are compressed with the
/// processor's SHA extensions where it has them (``usesProcessorExtensions``), else in Swift;
/// both give the same digest.
///
/// ```swift
/// SHA256.hex(Array("abc".utf8))  // ba7816bf…
/// ```
public struct SHA256: Sendable {
    /// How blocks are compressed.
    public enum Implementation: Sendable, CaseIterable {
        /// The x86 SHA extensions (SHA-NI).
        case processorExtensions
        /// Portable Swift.
        case portable
    }

    /// Whether this processor has the SHA extensions, which then compress every block.
    public static let usesProcessorExtensions = fastrelease_sha256_has_extensions() != 0

    /// The implementations this processor can run (for tests and benchmarks).
    public static var availableImplementations: [Implementation] {
        usesProcessorExtensions ? [.processorExtensions, .portable] : [.portable]
    }

    /// The fastest implementation this processor can run: what hashes use unless told otherwise.
    public static let fastest: Implementation = usesProcessorExtensions ? .processorExtensions : .portable

    private var state = SHA256.initialState
    private var pending: [UInt8] = []
    private var totalLength: UInt64 = 0
    private let implementation: Implementation

    /// Creates an empty hash.
    public init() { implementation = Self.fastest }

    /// Creates an empty hash that compresses with `implementation`, which must be one of
    /// ``availableImplementations``.
    public init(implementation: Implementation) {
        precondition(Self.availableImplementations.contains(implementation), "\(implementation) is not available here")
        self.implementation = implementation
    }

    /// Adds bytes to the hash.
    public mutating func update(_ bytes: some Sequence<UInt8>) {
        for byte in bytes {
            pending.append(byte)
            totalLength &+= 1
            if pending.count == 64 {
                pending.withUnsafeBufferPointer {
                    Self.compress(&state, $0.baseAddress!, blocks: 1, using: implementation)
                }
                pending.removeAll(keepingCapacity: true)
            }
        }
    }

    /// Finishes and returns the 32-byte digest.
    public mutating func finalize() -> [UInt8] {
        pending.withUnsafeBufferPointer { bytes in
            Self.finish(&state, tail: UnsafeRawBufferPointer(bytes), totalLength: totalLength, using: implementation)
        }
        var digest: [UInt8] = []
        digest.reserveCapacity(32)
        for word in [state.0, state.1, state.2, state.3, state.4, state.5, state.6, state.7] {
            for shift in stride(from: 24, through: 0, by: -8) {
                digest.append(UInt8(truncatingIfNeeded: word >> UInt32(shift)))
            }
        }
        return digest
    }

    /// The digest of `bytes`.
    public static func digest(_ bytes: some Sequence<UInt8>, using implementation: Implementation = fastest) -> [UInt8]
    {
        var hash = SHA256(implementation: implementation)
        hash.update(bytes)
        return hash.finalize()
    }

    /// The digest of `bytes` as 64 lower-case hex digits.
    public static func hex(_ bytes: some Sequence<UInt8>) -> String {
        let digits = Array("0123456789abcdef".utf8)
        var text: [UInt8] = []
        for byte in digest(bytes) {
            text.append(digits[Int(byte >> 4)])
            text.append(digits[Int(byte & 15)])
        }
        return String(decoding: text, as: UTF8.self)
    }

    /// The first 8 bytes of the digest of `message`, big-endian, computed without allocating.
    public static func leadingWord(of message: UnsafeRawBufferPointer) -> UInt64 {
        leadingWord(of: message, after: noPrefix)
    }

    private static let noPrefix = Prefix([])

    /// The first bytes of many messages, hashed once: the state after their whole 64-byte
    /// blocks, and the bytes left over. Messages that start with them are then hashed from there
    /// (``leadingWord(of:after:)``), with the same result as hashing each whole.
    public struct Prefix: Sendable {
        fileprivate let state: State
        /// How many bytes the whole blocks held.
        fileprivate let hashedCount: Int
        /// The prefix's bytes after its whole blocks (fewer than 64), which the rest of each
        /// message must start with.
        public let leftover: [UInt8]

        /// Hashes the whole blocks of `bytes`.
        public init(_ bytes: [UInt8]) {
            var state = SHA256.initialState
            let fullBlocks = bytes.count / 64
            bytes.withUnsafeBufferPointer { buffer in
                if fullBlocks > 0 { SHA256.compress(&state, buffer.baseAddress!, blocks: fullBlocks, using: fastest) }
            }
            self.state = state
            hashedCount = fullBlocks * 64
            leftover = Array(bytes[(fullBlocks * 64)...])
        }
    }

    /// The first 8 bytes of the digest of a message that is `prefix` then `rest`, where `rest`
    /// starts with the prefix's ``Prefix/leftover``; computed without allocating.
    public static func leadingWord(
        of rest: UnsafeRawBufferPointer, after prefix: Prefix, using implementation: Implementation = fastest
    ) -> UInt64 {
        var state = prefix.state
        let fullBlocks = rest.count / 64
        if let base = rest.baseAddress, fullBlocks > 0 {
            compress(&state, base.assumingMemoryBound(to: UInt8.self), blocks: fullBlocks, using: implementation)
        }
        finish(
            &state, tail: UnsafeRawBufferPointer(rebasing: rest[(fullBlocks * 64)...]),
            totalLength: UInt64(prefix.hashedCount + rest.count), using: implementation)
        return UInt64(state.0) << 32 | UInt64(state.1)
    }

    // MARK: Internals

    fileprivate typealias State = (UInt32, UInt32, UInt32, UInt32, UInt32, UInt32, UInt32, UInt32)

    private static let initialState: State = (
        0x6a09_e667, 0xbb67_ae85, 0x3c6e_f372, 0xa54f_f53a, 0x510e_527f, 0x9b05_688c, 0x1f83_d9ab, 0x5be0_cd19
    )

    /// Pads the last (< 64) bytes and compresses the final one or two blocks.
    private static func finish(
        _ state: inout State, tail: UnsafeRawBufferPointer, totalLength: UInt64, using implementation: Implementation
    ) {
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 128) { block in
            block.initialize(repeating: 0)
            for index in 0..<tail.count { block[index] = tail[index] }
            block[tail.count] = 0x80
            let blocks = tail.count < 56 ? 1 : 2
            let bitLength = totalLength &* 8
            for index in 0..<8 {
                block[blocks * 64 - 1 - index] = UInt8(truncatingIfNeeded: bitLength >> UInt64(index * 8))
            }
            compress(&state, block.baseAddress!, blocks: blocks, using: implementation)
        }
    }

    /// Compresses `blocks` consecutive 64-byte blocks into `state`.
    private static func compress(
        _ state: inout State, _ data: UnsafePointer<UInt8>, blocks: Int, using implementation: Implementation
    ) {
        switch implementation {
        case .processorExtensions:
            withUnsafeMutablePointer(to: &state) { tuple in
                tuple.withMemoryRebound(to: UInt32.self, capacity: 8) { words in
                    fastrelease_sha256_compress_extensions(words, data, blocks)
                }
            }
        case .portable:
            for block in 0..<blocks { compressPortably(&state, data + block * 64) }
        }
    }

    private static func compressPortably(_ state: inout State, _ block: UnsafePointer<UInt8>) {
        withUnsafeTemporaryAllocation(of: UInt32.self, capacity: 64) { w in
            for t in 0..<16 {
                w[t] =
                    UInt32(block[t * 4]) << 24 | UInt32(block[t * 4 + 1]) << 16 | UInt32(block[t * 4 + 2]) << 8
                    | UInt32(block[t * 4 + 3])
            }
            for t in 16..<64 {
                let s0 = w[t - 15].rotatedRight(7) ^ w[t - 15].rotatedRight(18) ^ (w[t - 15] >> 3)
                let s1 = w[t - 2].rotatedRight(17) ^ w[t - 2].rotatedRight(19) ^ (w[t - 2] >> 10)
                w[t] = w[t - 16] &+ s0 &+ w[t - 7] &+ s1
            }
            var (a, b, c, d, e, f, g, h) = state
            let k = fastrelease_sha256_round_constants()!  // the C file's table, shared by both
            for t in 0..<64 {
                let s1 = e.rotatedRight(6) ^ e.rotatedRight(11) ^ e.rotatedRight(25)
                let choice = (e & f) ^ (~e & g)
                let temp1 = h &+ s1 &+ choice &+ k[t] &+ w[t]
                let s0 = a.rotatedRight(2) ^ a.rotatedRight(13) ^ a.rotatedRight(22)
                let majority = (a & b) ^ (a & c) ^ (b & c)
                (h, g, f, e, d, c, b, a) = (g, f, e, d &+ temp1, c, b, a, temp1 &+ s0 &+ majority)
            }
            state = (
                state.0 &+ a, state.1 &+ b, state.2 &+ c, state.3 &+ d, state.4 &+ e, state.5 &+ f, state.6 &+ g,
                state.7 &+ h
            )
        }
    }

}

extension UInt32 {
    @inline(__always)
    fileprivate func rotatedRight(_ count: UInt32) -> UInt32 {
        (self >> count) | (self << (32 - count))
    }
}
