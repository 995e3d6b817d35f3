import GreenlightCore

/// `path:line:col: severity: message [rule]`, grouped by file, then one summary line.
/// Findings of several rules about one subject at one place (an LLM call site) are written
/// under one heading line, `path:line:col: subject`, each `  severity: detail [rule]`.
/// Suppressed and baselined findings are counted, not listed. Colour only when asked; control
/// characters (a newline in a file's name) are written as escapes.
public struct TextReporter: Reporter {
    public let colour: Bool

    public init(colour: Bool) {
        self.colour = colour
    }

    public func render(_ report: CheckReport) throws -> String {
        var out = ""
        var currentPath: String?
        for group in FindingGroups.bySubject(report.findings.filter(\.isLive)) {
            let first = group[0]
            if let currentPath, currentPath != first.path { out += "\n" }
            currentPath = first.path
            if group.count == 1 {
                out += line(first) + "\n"
                continue
            }
            out += "\(paint(Self.location(first), .bold)): \(VisibleText.escaped(first.subject ?? ""))\n"
            for finding in group {
                out += "  \(paint(finding.severity.rawValue, tint(finding.severity))): \(VisibleText.escaped(finding.detail)) \(paint("[\(finding.rule)]", .dim))\n"
            }
        }
        if currentPath != nil { out += "\n" }
        let summary = report.summary
        let posture = paint(report.posture.label, tint(report.posture))
        out += "\(posture): \(count(summary.errors, "error")), \(count(summary.warnings, "warning")), "
        out += "\(count(summary.notes, "note")); \(summary.suppressed) suppressed, \(summary.baselined) baselined (\(VisibleText.escaped(report.checkedLabel)))\n"
        return out
    }

    /// One finding: `path:line:col: severity: message [rule]`.
    func line(_ finding: Finding) -> String {
        "\(paint(Self.location(finding), .bold)): \(paint(finding.severity.rawValue, tint(finding.severity))): "
            + "\(VisibleText.escaped(finding.message)) \(paint("[\(finding.rule)]", .dim))"
    }

    /// `path:line:col`, or the path alone for a finding about a whole file.
    static func location(_ finding: Finding) -> String {
        let path = VisibleText.lineStart(finding.path)
        return finding.line > 0 ? "\(path):\(finding.line):\(finding.column)" : path
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
