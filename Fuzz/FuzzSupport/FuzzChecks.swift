public import FastReleaseCore
import FastReleaseXML
import Foundation

/// What the fuzz targets do with an input, and the properties they check beyond "no crash".
///
/// Each check returns what failed (empty when nothing did). The targets (`Fuzz/*/Target.swift`)
/// are thin: each hands libFuzzer's bytes to one check and stops the process on a failure, so
/// that libFuzzer keeps the input; `FuzzRegressionTests` runs every kept input through the same
/// checks.
public enum FuzzChecks {
    /// The default profile, as shipped, compiled once.
    static let profile: CompiledProfile = {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        let folder = root.appendingPathComponent("Profiles/default")
        var files: [String: String] = [:]
        for path in ["profile.yaml", "enterprises.csv"] + ruleFiles(folder) {
            files[path] = try? String(contentsOf: folder.appendingPathComponent(path), encoding: .utf8)
        }
        do {
            return CompiledProfile(try ProfileBundle(files: files).load(name: "default").profile)
        } catch {
            fatalError("the default profile does not load: \(error)")
        }
    }()

    private static func ruleFiles(_ folder: URL) -> [String] {
        let names =
            (try? FileManager.default.contentsOfDirectory(atPath: folder.appendingPathComponent("rules").path)) ?? []
        return names.filter { $0.hasSuffix(".yaml") }.sorted().map { "rules/\($0)" }
    }

    static let receivedAt = CivilTime(year: 2026, month: 11, day: 16, hour: 9)!
    static let limits = XMLLimits()

    /// Frames `bytes` into messages, fed whole and fed in two parts cut where the first byte
    /// says; requires the same frames both ways.
    public static func frames(of bytes: UnsafeRawBufferPointer, _ problems: inout [String]) -> [MessageFrame] {
        var whole = MessageSplitter(source: "fuzz", limits: limits)
        let frames = whole.feed(bytes) + whole.finish()
        let cut = bytes.isEmpty ? 0 : Int(bytes[0]) * bytes.count / 256
        var parts = MessageSplitter(source: "fuzz", limits: limits)
        let inParts =
            parts.feed(UnsafeRawBufferPointer(rebasing: bytes[..<cut]))
            + parts.feed(UnsafeRawBufferPointer(rebasing: bytes[cut...])) + parts.finish()
        if frames.map(\.bytes) != inParts.map(\.bytes) || frames.map(\.startLine) != inParts.map(\.startLine) {
            problems.append("framing in two parts (cut at \(cut)) gave other messages than framing whole")
        }
        return frames
    }

    /// Frames, decodes and scores every message of `bytes` on the default profile, and checks
    /// that each decision is written as JSON that reads back, that each declaration's snapshot
    /// is the one Foundation writes, and that `bytes` decided whole as the service decides a
    /// request body (``MessageFrame/SeveralMessages/leave``), when the decoder takes them as
    /// one message, give the same records as cut into messages.
    public static func decideAll(_ bytes: UnsafeRawBufferPointer) -> [String] {
        var problems: [String] = []
        let decider = MessageDecider(decoder: XMLMessageDecoder(limits: limits), profile: profile, changes: .holdBack)
        var cutLines: [[UInt8]] = []
        for frame in frames(of: bytes, &problems) {
            decider.decide(frame, profile: profile, receivedAt: receivedAt) { record in
                let line = comparableLine(record)
                switch record {
                case .decision(let decision):
                    if (try? JSONSerialization.jsonObject(with: Data(line))) == nil {
                        problems.append(
                            "a decision's JSON line does not read back: \(String(decoding: line, as: UTF8.self))")
                    }
                    if let declaration = decision.declaration { checkSnapshot(declaration, &problems) }
                case .change(let declaration, _):
                    checkSnapshot(declaration, &problems)
                case .error:
                    break
                }
                cutLines.append(line)
            }
        }
        if bytes.count <= limits.maxMessageBytes,
            let whole = MessageFrame.whole(Array(bytes), source: "fuzz", sequence: 0, severalMessages: .leave)
        {
            var wholeLines: [[UInt8]] = []
            decider.decide(whole, profile: profile, receivedAt: receivedAt) { wholeLines.append(comparableLine($0)) }
            if decider.messagesInLastFrame != 0, wholeLines != cutLines {
                problems.append("decided whole, the input gave other records than cut into messages")
            }
        }
        return problems
    }

    /// A record's JSON line without the decision's timing, which differs from run to run.
    private static func comparableLine(_ record: DecisionRecord) -> [UInt8] {
        var line: [UInt8] = []
        switch record {
        case .decision(var decision):
            decision.timing = Decision.Timing(decodeMicroseconds: 0, scoreMicroseconds: 0)
            JSONLinesEncoder().encode(decision, into: &line)
        case .change(let declaration, _):
            line = Array(declaration.id.utf8)
        case .error(let error):
            JSONLinesEncoder().encode(error, into: &line)
        }
        return line
    }

    /// The declarations of every message of `bytes`, decoded.
    public static func declarations(_ bytes: UnsafeRawBufferPointer, _ problems: inout [String]) -> [Declaration] {
        let decoder = XMLMessageDecoder(limits: limits)
        var records: [DecodedRecord] = []
        for frame in frames(of: bytes, &problems) where frame.problem == nil { decoder.decode(frame, into: &records) }
        return records.compactMap { if case .declaration(let declaration, _) = $0 { declaration } else { nil } }
    }

    /// The snapshot written by ``DeclarationSnapshotWriter`` is Foundation's, byte for byte, and
    /// reads back as the same declaration.
    public static func checkSnapshot(_ declaration: Declaration, _ problems: inout [String]) {
        guard let foundation = try? DeclarationSnapshot.foundationEncoded(declaration) else { return }  // NaN: refused
        guard let written = try? DeclarationSnapshot.encode(declaration) else {
            return problems.append("a declaration Foundation encodes cannot be snapshotted")
        }
        if written != foundation {
            problems.append("the snapshot differs from Foundation's:\n\(written)\n\(foundation)")
        }
        if (try? DeclarationSnapshot.decode(written)).map({ try? DeclarationSnapshot.encode($0) }) != written {
            problems.append("a snapshot does not read back as itself: \(written)")
        }
    }

    /// Loads a profile whose files are the parts of `bytes` cut at NUL bytes (`profile.yaml`,
    /// then rule files, then `enterprises.csv`), compiles it and scores one declaration with it.
    public static func loadProfile(_ bytes: UnsafeRawBufferPointer) -> [String] {
        var problems: [String] = []
        let parts = bytes.split(separator: 0, maxSplits: 3, omittingEmptySubsequences: false).map {
            String(decoding: $0, as: UTF8.self)
        }
        var files: [String: String] = [:]
        for (index, text) in parts.enumerated() {
            let path =
                index == 0
                ? "profile.yaml" : index == parts.count - 1 && index > 1 ? "enterprises.csv" : "rules/r\(index).yaml"
            files[path] = text
        }
        guard let bundle = try? ProfileBundle(files: files), let (loaded, _) = try? bundle.load(name: "fuzz") else {
            return problems
        }
        let compiled = CompiledProfile(loaded)
        let decider = MessageDecider(decoder: XMLMessageDecoder(limits: limits), profile: compiled)
        let message = Array(sampleMessage.utf8)
        message.withUnsafeBytes { raw in
            for frame in frames(of: raw, &problems) {
                decider.decide(frame, profile: compiled, receivedAt: receivedAt) { _ in }
            }
        }
        return problems
    }

    /// Decodes the parts of `bytes` before and after the first NUL byte as an original
    /// declaration and its amendment, merges them, and checks the merged snapshot.
    public static func mergeAmendment(_ bytes: UnsafeRawBufferPointer) -> [String] {
        var problems: [String] = []
        let parts = bytes.split(separator: 0, maxSplits: 1, omittingEmptySubsequences: false)
        guard parts.count == 2 else { return problems }
        let originals = Array(parts[0]).withUnsafeBytes { declarations($0, &problems) }
        let changes = Array(parts[1]).withUnsafeBytes { declarations($0, &problems) }
        for original in originals.prefix(4) {
            for change in changes.prefix(4) {
                let merged = original.amended(by: change)
                checkSnapshot(merged, &problems)
                // A snapshot read back merges as the declaration it was.
                if let snapshot = try? DeclarationSnapshot.encode(original),
                    let stored = try? DeclarationSnapshot.decode(snapshot)
                {
                    if (try? DeclarationSnapshot.encode(stored.amended(by: change)))
                        != (try? DeclarationSnapshot.encode(merged))
                    {
                        problems.append("merging with the stored snapshot differs from merging with the declaration")
                    }
                }
            }
        }
        return problems
    }

    /// One CEB621 inventory, scored by every profile the loader target makes.
    static let sampleMessage = """
        <?xml version="1.0" encoding="UTF-8"?>
        <ceb:CEB621Message xmlns:ceb="http://www.chinaport.gov.cn/ceb" guid="F1" version="1.0">
        <ceb:Inventory><ceb:InventoryHead><ceb:guid>F1</ceb:guid><ceb:appType>1</ceb:appType>
        <ceb:copNo>FUZZ-1</ceb:copNo><ceb:agentCode>1105910159</ceb:agentCode><ceb:ebcCode>1105910159</ceb:ebcCode>
        <ceb:country>502</ceb:country><ceb:currency>142</ceb:currency><ceb:portCode>3105</ceb:portCode>
        </ceb:InventoryHead><ceb:InventoryList><ceb:gnum>1</ceb:gnum><ceb:gcode>8509400090</ceb:gcode>
        <ceb:qty>2</ceb:qty><ceb:unit>011</ceb:unit><ceb:price>10</ceb:price><ceb:totalPrice>20</ceb:totalPrice>
        <ceb:country>502</ceb:country></ceb:InventoryList></ceb:Inventory></ceb:CEB621Message>
        """

    /// The check of the fuzz target named `target`, by its name in `Fuzz/`.
    public static func check(_ target: String, _ bytes: UnsafeRawBufferPointer) -> [String]? {
        switch target {
        case "FuzzCEBDecoder", "FuzzWCODecoder": decideAll(bytes)
        case "FuzzProfileLoader": loadProfile(bytes)
        case "FuzzAmendmentMerge": mergeAmendment(bytes)
        default: nil
        }
    }
}
