import Foundation

/// An SVG line chart of errors and warnings per day, written beside a report: one point per day
/// of the period, so the axis is time; a day without a run is a gap in the lines. Plain SVG with
/// fixed sizes and no scripts or fonts beyond a generic family, so it renders the same on a
/// forge, in a browser and through rsvg.
public struct TrendChart {
    public struct Point: Sendable {
        public let label: String
        /// Nil for a day without a run.
        public let errors: Int?
        public let warnings: Int?

        public init(label: String, errors: Int?, warnings: Int?) {
            self.label = label
            self.errors = errors
            self.warnings = warnings
        }
    }

    let points: [Point]
    let width = 720.0
    let height = 300.0
    let left = 56.0
    let right = 24.0
    let top = 44.0
    let bottom = 56.0

    public init(points: [Point]) {
        self.points = points
    }

    public func svg(title: String) -> String {
        let maximum = max(1, points.compactMap { point in [point.errors, point.warnings].compactMap { $0 }.max() }.max() ?? 1)
        let step = niceStep(for: maximum)
        // Headroom above the highest point, so a flat line does not sit on the frame.
        let ceiling = (maximum / step + 1) * step
        let plotWidth = width - left - right
        let plotHeight = height - top - bottom
        func x(_ index: Int) -> Double {
            points.count <= 1 ? left + plotWidth / 2 : left + plotWidth * Double(index) / Double(points.count - 1)
        }
        func y(_ value: Int) -> Double { top + plotHeight * (1 - Double(value) / Double(ceiling)) }
        var out = """
            <svg xmlns="http://www.w3.org/2000/svg" width="\(format(width))" height="\(format(height))" \
            viewBox="0 0 \(format(width)) \(format(height))" font-family="sans-serif" font-size="12">
            <rect width="100%" height="100%" fill="#ffffff"/>
            <text x="\(format(left))" y="24" font-size="15" font-weight="bold" fill="#222">\(escape(title))</text>

            """
        for tick in stride(from: 0, through: ceiling, by: step) {
            let ty = y(tick)
            out += "<line x1=\"\(format(left))\" y1=\"\(format(ty))\" x2=\"\(format(width - right))\" y2=\"\(format(ty))\" stroke=\"#e4e4e4\"/>\n"
            out += "<text x=\"\(format(left - 8))\" y=\"\(format(ty + 4))\" text-anchor=\"end\" fill=\"#555\">\(tick)</text>\n"
        }
        let labelEvery = max(1, Int((Double(points.count) / 8).rounded(.up)))
        for (index, point) in points.enumerated() where index % labelEvery == 0 || index == points.count - 1 {
            out += "<text x=\"\(format(x(index)))\" y=\"\(format(height - bottom + 18))\" text-anchor=\"middle\" fill=\"#555\">\(escape(point.label))</text>\n"
        }
        out += "<line x1=\"\(format(left))\" y1=\"\(format(top + plotHeight))\" x2=\"\(format(width - right))\" y2=\"\(format(top + plotHeight))\" stroke=\"#888\"/>\n"
        for (name, colour, values) in [("warnings", "#d08c00", points.map(\.warnings)), ("errors", "#c62828", points.map(\.errors))] {
            // One line per run of consecutive days with a run; a day without one breaks it.
            var run: [String] = []
            for index in 0...values.count {
                if index < values.count, let value = values[index] {
                    run.append("\(format(x(index))),\(format(y(value)))")
                    continue
                }
                if run.count > 1 {
                    out += "<polyline fill=\"none\" stroke=\"\(colour)\" stroke-width=\"2.5\" points=\"\(run.joined(separator: " "))\"><title>\(name)</title></polyline>\n"
                }
                run = []
            }
            for (index, value) in values.enumerated() {
                guard let value else { continue }
                out += "<circle cx=\"\(format(x(index)))\" cy=\"\(format(y(value)))\" r=\"3.5\" fill=\"\(colour)\"/>\n"
            }
        }
        let legendY = height - 16
        out += "<rect x=\"\(format(left))\" y=\"\(format(legendY - 9))\" width=\"12\" height=\"12\" fill=\"#c62828\"/>"
        out += "<text x=\"\(format(left + 18))\" y=\"\(format(legendY + 1))\" fill=\"#222\">errors</text>\n"
        out += "<rect x=\"\(format(left + 90))\" y=\"\(format(legendY - 9))\" width=\"12\" height=\"12\" fill=\"#d08c00\"/>"
        out += "<text x=\"\(format(left + 108))\" y=\"\(format(legendY + 1))\" fill=\"#222\">warnings</text>\n"
        if !points.contains(where: { $0.errors != nil || $0.warnings != nil }) {
            out += "<text x=\"\(format(width / 2))\" y=\"\(format(top + plotHeight / 2))\" text-anchor=\"middle\" fill=\"#888\">no runs in this period</text>\n"
        }
        out += "</svg>\n"
        return out
    }

    private func niceStep(for maximum: Int) -> Int {
        for step in [1, 2, 5, 10, 20, 25, 50, 100, 200, 250, 500, 1000, 2000, 5000, 10000] where maximum / step <= 6 {
            return step
        }
        return Int(pow(10, (log10(Double(maximum)) - 0.5).rounded(.down)))
    }

    private func format(_ value: Double) -> String {
        String(format: "%.1f", value)
    }

    private func escape(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;")
    }
}
