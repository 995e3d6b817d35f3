import GreenlightCore

/// `path:line:col: severity: message [rule]`, grouped by file, then one summary line.
/// Suppressed and baselined findings are counted, not listed. Colour only when asked.
public struct TextReporter: Reporter {
    public let colour: Bool

    public init(colour: Bool) {
        self.colour = colour
    }

    public func render(_ report: CheckReport) throws -> String {
        var out = ""
        var currentPath: String?
        for finding in report.findings where finding.isLive {
            if let currentPath, currentPath != finding.path { out += "\n" }
            currentPath = finding.path
            let location = finding.line > 0 ? "\(finding.path):\(finding.line):\(finding.column)" : finding.path
            out += "\(paint(location, .bold)): \(paint(finding.severity.rawValue, tint(finding.severity))): "
            out += "\(finding.message) \(paint("[\(finding.rule)]", .dim))\n"
        }
        if currentPath != nil { out += "\n" }
        let summary = report.summary
        let posture = paint(report.posture.label, tint(report.posture))
        var where_ = report.repo.source.rawValue
        if let commit = report.repo.commit { where_ += " \(commit.prefix(12))" }
        out += "\(posture): \(count(summary.errors, "error")), \(count(summary.warnings, "warning")), "
        out += "\(count(summary.notes, "note")); \(summary.suppressed) suppressed, \(summary.baselined) baselined (\(where_))\n"
        return out
    }

    private func count(_ n: Int, _ noun: String) -> String { "\(n) \(noun)\(n == 1 ? "" : "s")" }

    enum Style: String {
        case bold = "1"
        case dim = "2"
        case red = "31"
        case yellow = "33"
        case green = "32"
        case cyan = "36"
    }

    private func tint(_ severity: Severity) -> Style {
        switch severity {
        case .error: return .red
        case .warning: return .yellow
        case .note: return .cyan
        }
    }

    private func tint(_ posture: Posture) -> Style {
        switch posture {
        case .red: return .red
        case .yellow: return .yellow
        case .green: return .green
        }
    }

    private func paint(_ text: String, _ style: Style) -> String {
        colour ? "\u{1B}[\(style.rawValue)m\(text)\u{1B}[0m" : text
    }
}
