import FastReleaseCore
public import FastReleaseStore
import Foundation

/// What may be published of a month's random selection ("two randoms, one disclosure": random
/// targets, random inspectors, published results): each declaration drawn at random (at its
/// class's rate, or up to an expected rate), the examiner drawn for it and what inspection found;
/// and the rate of each credit class.
///
/// Published per draw: the day, the port, the responsible enterprise's code and credit class
/// (both in the public credit register), how it was drawn, the lane, the examiner, the result
/// and the draw (which anyone can recompute once the month's seed is revealed). Never published:
/// goods, quantities, values, order, waybill or buyer data, the declaration's own ids, the rules
/// that fired, their reasons or the score. Declarations chosen by targeting are not listed.
///
/// ```swift
/// let disclosure = try await Disclosure.make(month: "2026-11", from: start, to: end, log: log)
/// try disclosure.csv().write(toFile: "disclosure-2026-11.csv", atomically: true, encoding: .utf8)
/// ```
public struct Disclosure: Sendable {
    /// One declaration drawn at random.
    public struct Draw: Sendable, Hashable {
        public var day: String
        public var port: String
        public var enterprise: String
        public var creditClass: String
        /// `class rate` or `expected rate`.
        public var drawnBy: String
        public var lane: String
        public var examiner: String
        /// `conforming`, `nonconforming` or `pending`.
        public var result: String
        public var draw: Double
    }

    /// One credit class's declarations and draws.
    public struct ClassRate: Sendable, Hashable {
        public var declarations = 0
        public var drawn = 0
        /// The rate the profile set.
        public var rate: Double?
    }

    /// The month, `yyyy-MM`.
    public var month: String
    /// The draws, in the order they were decided.
    public var draws: [Draw] = []
    /// By credit class.
    public var classes: [String: ClassRate] = [:]
    /// The commitment to the month's seed the profile in force published, if any.
    public var commitment: String?

    /// Reads the month's decisions (the newest revision of each, made in `[from, to)`,
    /// milliseconds since 1970) and the inspections recorded against them.
    public static func make(month: String, from: Int64, to: Int64, log: any DecisionLog) async throws -> Disclosure {
        var disclosure = Disclosure(month: month)
        let sampling = try await PeriodReport.profileInForce(log)?.sampling
        disclosure.commitment = sampling?.commitments[month]
        for try await page in log.newestRevisionPages(decidedFrom: from, to: to) {
            for newest in page {
                disclosure.add(newest.decision, sampling: sampling, nonconforming: newest.nonconforming)
            }
        }
        return disclosure
    }

    /// Counts one declaration's newest revision, and lists it when it was drawn at random.
    private mutating func add(_ stored: StoredDecision, sampling: SamplingPolicy?, nonconforming: Bool?) {
        guard let payload = try? stored.decodedPayload(), let draw = payload.sampling,
            let lane = stored.lane.lane
        else { return }
        let enterprise = payload.enterprise
        let creditClass = enterprise?.list?.rawValue ?? enterprise.map { String($0.class) } ?? "unknown"
        classes[creditClass, default: ClassRate()].declarations += 1
        classes[creditClass, default: ClassRate()].rate = sampling?.rate(for: creditClass) ?? draw.rate
        let drawnBy: String
        let value: Double
        if let topUp = payload.topUp {
            (drawnBy, value) = ("expected rate", topUp.draw)
        } else if draw.drawn, let made = draw.draw {
            (drawnBy, value) = ("class rate", made)
            classes[creditClass, default: ClassRate()].drawn += 1
        } else {
            return
        }
        draws.append(
            Draw(
                day: payload.examiner?.day ?? String(payload.asOf?.prefix(10) ?? ""),
                port: stored.decodedDeclaration()?.port ?? "", enterprise: enterprise?.code ?? "",
                creditClass: creditClass, drawnBy: drawnBy, lane: lane.name,
                examiner: payload.examiner?.examiner ?? "",
                result: nonconforming.map { $0 ? "nonconforming" : "conforming" } ?? "pending", draw: value))
    }

    static let columns = [
        "day", "port", "enterprise", "credit_class", "drawn_by", "lane", "examiner", "result", "draw",
    ]

    /// The draws as CSV, one row each, with a header row.
    public func csv() -> String {
        var lines = [Self.columns.joined(separator: ",")]
        for draw in draws {
            lines.append(
                [
                    draw.day, draw.port, draw.enterprise, draw.creditClass, draw.drawnBy, draw.lane, draw.examiner,
                    draw.result, String(draw.draw),
                ].map(Self.csvField).joined(separator: ","))
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// The disclosure as a page: the rates by class, then the draws.
    public func html() -> String {
        func cell(_ text: String) -> String { "<td>\(ReplayReport.escape(text))</td>" }
        var page = """
            <!DOCTYPE html>
            <html lang="en"><head><meta charset="utf-8"><title>Random selection, \(month)</title>
            <style>body{font-family:sans-serif;margin:2em}table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:.2em .6em;text-align:left}</style>
            </head><body>
            <h1>Random selection, \(month)</h1>
            <p>Declarations drawn at random and the examiners drawn to inspect them ("two randoms, one disclosure"). \
            Every draw can be recomputed once the month's seed is revealed\(commitment.map { "; its commitment (SHA-256) is <code>\($0)</code>" } ?? "").</p>
            <h2>By credit class</h2>
            <table id="classes"><tr><th>class</th><th>declarations</th><th>drawn</th><th>drawn share</th><th>rate set</th></tr>

            """
        for key in ReplayReport.classOrder + classes.keys.sorted().filter({ !ReplayReport.classOrder.contains($0) }) {
            guard let counts = classes[key] else { continue }
            let share = counts.declarations == 0 ? 0 : Double(counts.drawn) / Double(counts.declarations)
            page +=
                "<tr>\(cell(key))\(cell(String(counts.declarations)))\(cell(String(counts.drawn)))"
                + "\(cell(String(format: "%.2f%%", share * 100)))\(cell(counts.rate.map { String(format: "%.2f%%", $0 * 100) } ?? "-"))</tr>\n"
        }
        page += "</table>\n<h2>Draws</h2>\n<table id=\"draws\"><tr>"
        page += Self.columns.map { "<th>\($0)</th>" }.joined() + "</tr>\n"
        for draw in draws {
            page += "<tr>"
            page += [
                draw.day, draw.port, draw.enterprise, draw.creditClass, draw.drawnBy, draw.lane, draw.examiner,
                draw.result, String(draw.draw),
            ].map(cell).joined()
            page += "</tr>\n"
        }
        page += "</table>\n</body></html>\n"
        return page
    }

    private static func csvField(_ text: String) -> String {
        text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" })
            ? "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : text
    }
}
