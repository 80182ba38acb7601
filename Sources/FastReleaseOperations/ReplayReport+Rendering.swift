import FastReleaseCore
import Foundation

extension ReplayReport {
    static let classOrder = ["red", "1", "2", "3", "4", "black"]

    private static func percent(_ value: Double?) -> String {
        guard let value else { return "-" }
        return String(format: "%.1f%%", value * 100)
    }

    private static func pad(_ text: String, _ width: Int) -> String {
        text.count >= width ? text : text + String(repeating: " ", count: width - text.count)
    }

    private var classes: [String] {
        let present = Set(new.byClass.keys).union(baseline.byClass.keys)
        return Self.classOrder.filter(present.contains) + present.subtracting(Self.classOrder).sorted()
    }

    /// The report as a table for the terminal.
    public func text(maxChanges: Int = 20) -> String {
        var lines: [String] = []
        lines.append("replayed \(declarations) declarations: new \(profileVersion), baseline \(baselineVersion)")
        lines.append(
            "inspection results recorded for \(withResults), of which \(knownNonconforming) nonconforming")
        lines.append("")
        lines.append(Self.pad("", 26) + Self.pad("baseline", 14) + "new")
        for lane in Lane.allCases {
            lines.append(
                Self.pad("  \(lane.name)", 26) + Self.pad(String(baseline.lanes[lane] ?? 0), 14)
                    + String(new.lanes[lane] ?? 0))
        }
        lines.append(
            Self.pad("inspected (workload)", 26) + Self.pad(String(baseline.inspected), 14) + String(new.inspected))
        lines.append(
            Self.pad("hit rate", 26) + Self.pad(Self.percent(baseline.hitRate), 14) + Self.percent(new.hitRate))
        lines.append(
            Self.pad("capture", 26) + Self.pad(Self.percent(capture(baseline)), 14) + Self.percent(capture(new)))
        lines.append("inspection rate by credit class")
        for creditClass in classes {
            let before = baseline.byClass[creditClass]
            let after = new.byClass[creditClass]
            lines.append(
                Self.pad("  \(creditClass)", 26)
                    + Self.pad(Self.percent(before.map { Double($0.inspected) / Double(max(1, $0.declarations)) }), 14)
                    + Self.percent(after.map { Double($0.inspected) / Double(max(1, $0.declarations)) }))
        }
        let rateLines = rates.lines(expected: expected)
        if !rateLines.isEmpty {
            lines.append("rates against the expected (new profile)")
            lines += rateLines
        }
        lines.append("")
        lines.append(Self.pad("rule", 30) + Self.pad("hits", 10) + Self.pad("with result", 13) + "hit rate")
        for (id, record) in rules.sorted(by: {
            $0.value.hits > $1.value.hits || ($0.value.hits == $1.value.hits && $0.key < $1.key)
        }) {
            lines.append(
                Self.pad("  \(id)", 30) + Self.pad(String(record.hits), 10) + Self.pad(String(record.withResults), 13)
                    + Self.percent(record.hitRate))
        }
        lines.append("")
        lines.append("\(changed) declarations change lane\(changed == 0 ? "" : ":")")
        for change in changes.prefix(maxChanges) {
            lines.append(
                "  \(change.declarant)/\(change.declarationID): \(change.from?.name ?? "-") -> \(change.to.name) (\(change.rules.joined(separator: ", ")))"
            )
        }
        if changed > maxChanges {
            let listed = min(changed, Self.listedChanges)
            lines.append(
                listed > maxChanges
                    ? "  … \(changed - maxChanges) more (the HTML report lists \(listed - maxChanges) of them)"
                    : "  … \(changed - maxChanges) more")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// The report as one self-contained HTML page with SVG charts.
    public func html() -> String {
        var page = """
            <!doctype html><html lang="en"><head><meta charset="utf-8"><title>FastRelease replay</title>
            <style>body{font:14px system-ui,sans-serif;margin:2em;max-width:1100px}table{border-collapse:collapse;margin:1em 0}
            td,th{border:1px solid #ccc;padding:4px 8px;text-align:right}td:first-child,th:first-child{text-align:left}
            .new{fill:#2b6cb0}.baseline{fill:#a0aec0}</style></head><body>
            <h1>Replay</h1>
            <p id="summary">\(declarations) declarations replayed with <b>\(Self.escape(profileVersion))</b>, compared with
            <b>\(Self.escape(baselineVersion))</b>. Inspection results were recorded for \(withResults), of which
            \(knownNonconforming) nonconforming.</p>
            <h2>Lane mix</h2>
            """
        page += Self.barChart(
            id: "lane-mix", labels: Lane.allCases.map(\.name),
            series: [
                ("baseline", Lane.allCases.map { Double(baseline.lanes[$0] ?? 0) }),
                ("new", Lane.allCases.map { Double(new.lanes[$0] ?? 0) }),
            ])
        page += "<table id=\"measures\"><tr><th>measure</th><th>baseline</th><th>new</th></tr>"
        page += "<tr><td>inspected (workload)</td><td>\(baseline.inspected)</td><td>\(new.inspected)</td></tr>"
        page +=
            "<tr><td>hit rate</td><td>\(Self.percent(baseline.hitRate))</td><td>\(Self.percent(new.hitRate))</td></tr>"
        page +=
            "<tr><td>capture</td><td>\(Self.percent(capture(baseline)))</td><td>\(Self.percent(capture(new)))</td></tr>"
        page += "</table><h2>Inspection rate by credit class</h2>"
        let rates = { (side: Side) in
            self.classes.map { key in
                side.byClass[key].map { Double($0.inspected) / Double(max(1, $0.declarations)) * 100 } ?? 0
            }
        }
        page += Self.barChart(
            id: "class-rates", labels: classes, series: [("baseline", rates(baseline)), ("new", rates(new))], unit: "%")
        page +=
            "<h2>Rules</h2><table id=\"rules\"><tr><th>rule</th><th>hits</th><th>with result</th><th>hit rate</th></tr>"
        let sorted = rules.sorted {
            $0.value.hits > $1.value.hits || ($0.value.hits == $1.value.hits && $0.key < $1.key)
        }
        for (id, record) in sorted {
            page +=
                "<tr><td>\(Self.escape(id))</td><td>\(record.hits)</td><td>\(record.withResults)</td><td>\(Self.percent(record.hitRate))</td></tr>"
        }
        page += "</table>"
        page += Self.barChart(
            id: "rule-hits", labels: sorted.prefix(20).map(\.key),
            series: [("new", sorted.prefix(20).map { Double($0.value.hits) })])
        page += "<h2>Declarations that change lane (\(changed))</h2>"
        if changed > changes.count { page += "<p>The first \(changes.count) are listed.</p>" }
        page += "<table id=\"changes\">"
        page +=
            "<tr><th>declaration</th><th>declarant</th><th>baseline</th><th>new</th><th>rules</th><th>found</th></tr>"
        for change in changes {
            let found = change.nonconforming.map { $0 ? "nonconforming" : "conforming" } ?? ""
            page +=
                "<tr><td>\(Self.escape(change.declarationID))</td><td>\(Self.escape(change.declarant))</td><td>\(change.from?.name ?? "-")</td><td>\(change.to.name)</td><td>\(Self.escape(change.rules.joined(separator: " ")))</td><td>\(found)</td></tr>"
        }
        page += "</table></body></html>\n"
        return page
    }

    /// A grouped horizontal bar chart as inline SVG.
    static func barChart(id: String, labels: [String], series: [(String, [Double])], unit: String = "") -> String {
        let rowHeight = 14 * series.count + 8
        let width = 720.0
        let labelWidth = 190.0
        let largest = max(1, series.flatMap(\.1).max() ?? 1)
        var svg =
            "<svg id=\"\(id)\" xmlns=\"http://www.w3.org/2000/svg\" width=\"\(Int(width))\" height=\"\(labels.count * rowHeight + 20)\" role=\"img\">"
        for (row, label) in labels.enumerated() {
            let top = row * rowHeight
            svg += "<text x=\"0\" y=\"\(top + 14)\">\(escape(label))</text>"
            for (index, (name, values)) in series.enumerated() {
                let value = row < values.count ? values[row] : 0
                let length = (width - labelWidth - 80) * value / largest
                let y = top + index * 14
                svg +=
                    "<rect class=\"\(name)\" x=\"\(Int(labelWidth))\" y=\"\(y + 2)\" width=\"\(String(format: "%.1f", length))\" height=\"12\"><title>\(name): \(value)</title></rect>"
                svg +=
                    "<text x=\"\(Int(labelWidth + length + 4))\" y=\"\(y + 12)\" font-size=\"11\">\(name) \(String(format: value == value.rounded() ? "%.0f" : "%.1f", value))\(unit)</text>"
            }
        }
        svg += "</svg>"
        return svg
    }

    static func escape(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
    }
}
