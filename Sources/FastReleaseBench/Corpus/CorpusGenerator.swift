public import Foundation

/// Writes a reproducible corpus of CEB621 and CEB603 messages for benchmarks and replays.
///
/// The same seed and size give the same bytes. The corpus folder holds `messages/` (one
/// message per file, 1-100 declarations each, 1-20 goods lines a declaration, about 3-4 KB a
/// declaration), `enterprises.csv` (the population's register), `profile/` (the given profile
/// with that register, ready for `--profile`, and its seeds beside as `profile.seeds`) and
/// `manifest.json`.
///
/// ```swift
/// let summary = try CorpusGenerator(declarations: 10_000, seed: "demo").write(
///     to: URL(fileURLWithPath: "out/corpus"), profile: URL(fileURLWithPath: "Profiles/default"))
/// ```
public struct CorpusGenerator: Sendable {
    /// What was written.
    public struct Summary: Sendable, Codable {
        /// The seed.
        public var seed: String
        /// Declarations written.
        public var declarations: Int
        /// Messages (files) written.
        public var messages: Int
        /// Import and export declarations.
        public var imports: Int
        public var exports: Int
        /// Bytes of all messages.
        public var bytes: Int
        /// The day the declarations are dated.
        public var day: String
    }

    /// The Hangzhou Bay New Area, 11 November 2017: 2,340,000 declarations in one day (DOMAIN.md).
    public static let doubleElevenDeclarations = 2_340_000

    let declarations: Int
    let seed: String
    let day: (year: Int, month: Int, day: Int)
    let declarationsPerMessage: Int?

    /// Describes a corpus.
    ///
    /// - Parameters:
    ///   - declarations: how many declarations.
    ///   - seed: the random seed.
    ///   - day: the date of every declaration (default 2026-11-11, inside the default profile's alerts).
    ///   - declarationsPerMessage: a fixed number of declarations a message (default: 1-100 at random).
    public init(
        declarations: Int, seed: String, day: (year: Int, month: Int, day: Int) = (2026, 11, 11),
        declarationsPerMessage: Int? = nil
    ) {
        self.declarations = max(1, declarations)
        self.seed = seed
        self.day = day
        self.declarationsPerMessage = declarationsPerMessage.map { min(100, max(1, $0)) }
    }

    /// Writes the corpus into `folder` (created if needed), calling `progress` with the
    /// declarations written so far.
    public func write(to folder: URL, profile: URL, progress: (Int) -> Void = { _ in }) throws -> Summary {
        let files = FileManager.default
        let messages = folder.appendingPathComponent("messages")
        try files.createDirectory(at: messages, withIntermediateDirectories: true)
        let register = try generate { number, bytes, written in
            let path = messages.appendingPathComponent(CorpusPopulation.digits(number, 7) + ".xml").path
            guard files.createFile(atPath: path, contents: Data(bytes)) else {
                throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: path])
            }
            progress(written)
        }
        try register.csv.write(to: folder.appendingPathComponent("enterprises.csv"), atomically: true, encoding: .utf8)
        try copyProfile(from: profile, to: folder.appendingPathComponent("profile"), register: register.csv)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        try encoder.encode(register.summary).write(to: folder.appendingPathComponent("manifest.json"))
        return register.summary
    }

    /// The corpus in memory: its messages and its register (for benchmarks that must not read files).
    public func messages() -> (messages: [[UInt8]], registerCSV: String) {
        var messages: [[UInt8]] = []
        let register = try? generate { _, bytes, _ in messages.append(bytes) }
        return (messages, register?.csv ?? "")
    }

    /// Makes every message, handing each to `deliver` (its number from 1, its bytes, the
    /// declarations made so far).
    private func generate(_ deliver: (Int, [UInt8], Int) throws -> Void) throws -> (csv: String, summary: Summary) {
        var random = CorpusRandom(seed: seed)
        let population = CorpusPopulation(random: &random)
        let dayText = String(format: "%04d%02d%02d", day.year, day.month, day.day)
        var summary = Summary(seed: seed, declarations: 0, messages: 0, imports: 0, exports: 0, bytes: 0, day: dayText)
        var writer = CEBCorpusWriter()
        var factory = DeclarationFactory(population: population, day: dayText)
        while summary.declarations < declarations {
            let drawn = random.chance(0.35) ? 1 : random.int(2...100)
            let count = min(declarations - summary.declarations, declarationsPerMessage ?? drawn)
            let direction: CEBCorpusWriter.ImportOrExport = random.chance(0.88) ? .import : .export
            let platform = CorpusCatalog.platforms[random.int(0...(CorpusCatalog.platforms.count - 1))]
            let message = CEBCorpusWriter.Message(
                direction: direction, guid: factory.guid(&random), platform: platform,
                logistics: CorpusCatalog.logistics[random.int(0...(CorpusCatalog.logistics.count - 1))],
                office: CorpusCatalog.customsOffices[random.int(0...(CorpusCatalog.customsOffices.count - 1))],
                day: dayText)
            writer.begin(message)
            let fraction = Double(summary.declarations) / Double(declarations)
            for _ in 0..<count {
                writer.inventory(factory.declaration(direction, dayFraction: fraction, &random), in: message)
            }
            writer.end(message, transmitter: platform)
            let bytes = Array(writer.text.utf8)
            summary.messages += 1
            summary.bytes += bytes.count
            summary.declarations += count
            if direction == .import { summary.imports += count } else { summary.exports += count }
            try deliver(summary.messages, bytes, summary.declarations)
        }
        return (population.registerCSV, summary)
    }

    /// Copies the profile with the corpus's register, and its seeds file beside it (`profile.seeds`,
    /// readable by its owner only), so that the copy draws as the profile does.
    private func copyProfile(from source: URL, to destination: URL, register: String) throws {
        let files = FileManager.default
        if files.fileExists(atPath: destination.path) { try files.removeItem(at: destination) }
        try files.copyItem(at: source, to: destination)
        try register.write(to: destination.appendingPathComponent("enterprises.csv"), atomically: true, encoding: .utf8)
        let seeds = URL(fileURLWithPath: source.standardizedFileURL.path + ".seeds")
        let copied = URL(fileURLWithPath: destination.standardizedFileURL.path + ".seeds")
        guard files.fileExists(atPath: seeds.path) else { return }
        if files.fileExists(atPath: copied.path) { try files.removeItem(at: copied) }
        try files.copyItem(at: seeds, to: copied)
        try files.setAttributes([.posixPermissions: 0o600], ofItemAtPath: copied.path)
    }
}
