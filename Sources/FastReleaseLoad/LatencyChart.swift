import Foundation

/// Draws a latency-by-percentile chart as SVG: the x axis is logarithmic in 1/(1-p), so that
/// p90, p99 and p99.9 get equal room, as HdrHistogram plots do.
enum LatencyChart {
    static func svg(_ report: LoadReport) -> String {
        let width = 720.0, height = 420.0, left = 70.0, right = 20.0, top = 40.0, bottom = 60.0
        let points = report.distribution.filter { $0.percentile < 100 }
        let maxX = 4.0  // up to 99.99 %
        let maxY = max(1, (points.map(\.milliseconds).max() ?? 1) * 1.1)
        func x(_ percentile: Double) -> Double {
            let nines = min(maxX, -log10(max(1e-6, 1 - percentile / 100)))
            return left + nines / maxX * (width - left - right)
        }
        func y(_ value: Double) -> Double { height - bottom - value / maxY * (height - top - bottom) }
        var svg = """
            <svg xmlns="http://www.w3.org/2000/svg" width="\(Int(width))" height="\(Int(height))" font-family="sans-serif" font-size="12">
            <rect width="100%" height="100%" fill="white"/>
            <text x="\(left)" y="24" font-size="14">Latency by percentile: \(Int(report.rate)) requests/s, \(report.declarationsPerMessage) declaration(s) each</text>

            """
        for (label, percentile) in [("0%", 0.0), ("90%", 90), ("99%", 99), ("99.9%", 99.9), ("99.99%", 99.99)] {
            svg +=
                "<line x1=\"\(x(percentile))\" y1=\"\(top)\" x2=\"\(x(percentile))\" y2=\"\(height - bottom)\" stroke=\"#ddd\"/>"
            svg += "<text x=\"\(x(percentile))\" y=\"\(height - bottom + 18)\" text-anchor=\"middle\">\(label)</text>\n"
        }
        for step in 0...4 {
            let value = maxY * Double(step) / 4
            svg +=
                "<line x1=\"\(left)\" y1=\"\(y(value))\" x2=\"\(width - right)\" y2=\"\(y(value))\" stroke=\"#eee\"/>"
            svg +=
                "<text x=\"\(left - 8)\" y=\"\(y(value) + 4)\" text-anchor=\"end\">\(String(format: "%.1f", value))</text>\n"
        }
        let path = points.map { "\(x($0.percentile)),\(y($0.milliseconds))" }.joined(separator: " ")
        svg += "<polyline fill=\"none\" stroke=\"#c0392b\" stroke-width=\"2\" points=\"\(path)\"/>\n"
        for point in points {
            svg += "<circle cx=\"\(x(point.percentile))\" cy=\"\(y(point.milliseconds))\" r=\"3\" fill=\"#c0392b\"/>\n"
        }
        svg += "<text x=\"\(width / 2)\" y=\"\(height - 18)\" text-anchor=\"middle\">percentile</text>\n"
        svg +=
            "<text x=\"16\" y=\"\(height / 2)\" transform=\"rotate(-90 16 \(height / 2))\" text-anchor=\"middle\">milliseconds</text>\n"
        svg += "</svg>\n"
        return svg
    }
}
