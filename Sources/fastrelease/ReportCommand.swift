import ArgumentParser
import FastReleaseCore
import FastReleaseOperations
import Foundation

/// `fastrelease report --day DATE | --week WEEK | --month MONTH`: the time-management report.
struct ReportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Report a day, a week or a month: declarations, lanes, time to decide, inspections, evidence.",
        discussion: """
            Reads the decision log (the service's store): the declarations in force decided in the \
            period, their lanes (and withdrawals), the time each took to decide, and the inspection \
            results recorded against them, in all and by port and credit class; then the exemptions \
            used by kind of evidence, what was written off each lot, and monitoring that ended in \
            the period or falls due within 7 days after it; random selection against the expected \
            rates, and the examiners drawn. With --disclosure and --month, writes instead what may be \
            published of the month's random selection (draws, examiners, results, rates by class; no \
            trader-confidential field and no targeting rule) as CSV and HTML.
            """)

    @Option(help: "A day, 2026-11-23.")
    var day: String?

    @Option(help: "A week: its ISO number, 2026-W48, or the day it starts, 2026-11-23 (seven days).")
    var week: String?

    @Option(help: "A month, 2026-11.")
    var month: String?

    @Option(help: "The decision log: a SQLite file, or postgres://user[:password]@host[:port]/database.")
    var store = "decisions.sqlite"

    @Option(help: "The zone days are counted in, east of UTC (+08:00 for China).")
    var utcOffset = "+00:00"

    @Flag(help: "Write the month's disclosure (CSV and HTML) instead of the report; needs --month.")
    var disclosure = false

    @Option(help: "Where --disclosure writes disclosure-MONTH.csv and .html.")
    var out = "."

    func run() async throws {
        let offset = try Self.offsetSeconds(utcOffset)
        let (period, from, to) = try range(offset: offset)
        if disclosure {
            guard let month, day == nil, week == nil else { throw ValidationError("--disclosure needs --month, alone") }
            let published = try await StoreLocation.withLog(store) { log in
                try await Disclosure.make(month: month, from: from, to: to, log: log)
            }
            let base = (out as NSString).appendingPathComponent("disclosure-\(month)")
            do {
                try published.csv().write(toFile: base + ".csv", atomically: true, encoding: .utf8)
                try published.html().write(toFile: base + ".html", atomically: true, encoding: .utf8)
            } catch {
                FileDescriptorSink.standardError.print("fastrelease: cannot write \(base).csv or .html: \(error)")
                throw ExitCode(2)
            }
            FileDescriptorSink.standardOutput.print(
                "disclosure for \(month): \(published.draws.count) draws; wrote \(base).csv and \(base).html")
            return
        }
        let report = try await StoreLocation.withLog(store) { log in
            try await PeriodReport.make(period: period, from: from, to: to, offsetSeconds: offset, log: log) { read in
                if read % 100_000 == 0 { FileDescriptorSink.standardError.print("read \(read) declarations…") }
            }
        }
        FileDescriptorSink.standardOutput.print(report.text())
    }

    /// The period's name and its bounds in milliseconds since 1970.
    private func range(offset: Int) throws -> (String, Int64, Int64) {
        if let week {
            guard day == nil, month == nil else { throw ValidationError("give one of --day, --week or --month") }
            guard let start = Self.weekStart(week) else {
                throw ValidationError("--week `\(week)` is not a week; write 2026-W48 or the day it starts, 2026-11-23")
            }
            let from = start.unixSeconds(offsetSeconds: offset)
            return (
                "week \(week) (\(start.day) to \(start.adding(days: 6).day))", from * 1000, (from + 7 * 86_400) * 1000
            )
        }
        switch (day, month) {
        case (let day?, nil):
            guard let start = CivilTime(iso: day + "T00:00:00") else {
                throw ValidationError("--day `\(day)` is not a day; write 2026-11-23")
            }
            let from = start.unixSeconds(offsetSeconds: offset)
            return (day, from * 1000, (from + 86_400) * 1000)
        case (nil, let month?):
            guard let start = CivilTime(iso: month + "-01T00:00:00") else {
                throw ValidationError("--month `\(month)` is not a month; write 2026-11")
            }
            // Counted in days, not to the next month's first day: 9999-12 has no next month.
            let from = start.unixSeconds(offsetSeconds: offset)
            return (month, from * 1000, (from + Int64(start.daysInMonth) * 86_400) * 1000)
        default:
            throw ValidationError("give one of --day, --week or --month")
        }
    }

    /// The first day of `2026-W48` (its Monday, ISO 8601) or of a week given by its first day.
    static func weekStart(_ text: String) -> CivilTime? {
        let parts = text.split(separator: "-")
        guard parts.count == 2, parts[1].hasPrefix("W"), let year = Int(parts[0]),
            let number = Int(parts[1].dropFirst()),
            (1...53).contains(number), let january4 = CivilTime(year: year, month: 1, day: 4)
        else { return CivilTime(iso: text + "T00:00:00") }
        // 1970-01-01 was a Thursday: days since then, plus 3, modulo 7 is 0 on Mondays.
        let days = Int(january4.unixSeconds(offsetSeconds: 0) / 86_400)
        let monday = january4.adding(days: -((days + 3) % 7))
        return monday.adding(days: 7 * (number - 1))
    }

    private static func offsetSeconds(_ text: String) throws -> Int {
        let sign = text.hasPrefix("-") ? -1 : 1
        let parts = text.dropFirst(text.hasPrefix("+") || text.hasPrefix("-") ? 1 : 0).split(separator: ":")
        guard parts.count == 2, let hours = Int(parts[0]), let minutes = Int(parts[1]), hours <= 14, minutes < 60 else {
            throw ValidationError("--utc-offset `\(text)` is not an offset; write +08:00")
        }
        return sign * (hours * 3600 + minutes * 60)
    }
}
