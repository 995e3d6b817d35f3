import GreenlightCore

/// GitHub Actions workflow commands: one `::error|warning|notice file=…,line=…,col=…,title=RULE::message`
/// annotation per live finding, at most `annotationLimit` of each type (GitHub shows only ten
/// of each type per step and drops the rest), then one line counting what was left out and the
/// left-out findings themselves as plain log lines (so the log holds every finding), then the
/// posture line. The Markdown report for the step summary is written by the command.
public struct GitHubReporter: Reporter {
    public static let defaultAnnotationLimit = 10

    public let annotationLimit: Int

    public init(annotationLimit: Int = GitHubReporter.defaultAnnotationLimit) {
        self.annotationLimit = max(0, annotationLimit)
    }

    public func render(_ report: CheckReport) throws -> String {
        var out = ""
        var shown: [Severity: Int] = [:]
        var omitted: [Severity: Int] = [:]
        var unannotated: [Finding] = []
        for finding in report.findings where finding.isLive {
            if shown[finding.severity, default: 0] < annotationLimit {
                shown[finding.severity, default: 0] += 1
                out += annotation(finding) + "\n"
            } else {
                omitted[finding.severity, default: 0] += 1
                unannotated.append(finding)
            }
        }
        let left = Severity.allCases.compactMap { severity in
            omitted[severity].map { count($0, severity.rawValue) }
        }
        if !left.isEmpty {
            let total = omitted.values.reduce(0, +)
            out += "greenlight: \(count(total, "more finding")) not annotated (GitHub shows \(annotationLimit) annotations "
            out += "of each type per step): \(left.joined(separator: ", ")); listed here\n"
            let plain = TextReporter(colour: false)
            for finding in unannotated { out += plain.line(finding) + "\n" }
        }
        let summary = report.summary
        out += "\(report.posture.label): \(count(summary.errors, "error")), \(count(summary.warnings, "warning")), "
        out += "\(count(summary.notes, "note")); \(summary.suppressed) suppressed, \(summary.baselined) baselined (\(VisibleText.escaped(report.checkedLabel)))\n"
        return out
    }

    /// One workflow command.
    func annotation(_ finding: Finding) -> String {
        var properties: [String] = []
        if !finding.path.isEmpty {
            properties.append("file=" + Self.escapeProperty(finding.path))
            if finding.line > 0 {
                properties.append("line=\(finding.line)")
                if finding.column > 0 { properties.append("col=\(finding.column)") }
            }
        }
        properties.append("title=" + Self.escapeProperty(finding.rule))
        var message = finding.message
        if finding.path.isEmpty, let place = finding.endpoint ?? finding.commit { message = "\(place): \(message)" }
        return "::\(command(finding.severity)) \(properties.joined(separator: ","))::\(Self.escapeData(message))"
    }

    private func command(_ severity: Severity) -> String {
        switch severity {
        case .error: return "error"
        case .warning: return "warning"
        case .note: return "notice"
        }
    }

    /// Message text: `%`, CR and LF, as the Actions toolkit escapes them.
    public static func escapeData(_ text: String) -> String {
        text.replacingOccurrences(of: "%", with: "%25")
            .replacingOccurrences(of: "\r", with: "%0D")
            .replacingOccurrences(of: "\n", with: "%0A")
    }

    /// Property values: the message escapes, and `:` and `,` too.
    public static func escapeProperty(_ text: String) -> String {
        escapeData(text).replacingOccurrences(of: ":", with: "%3A").replacingOccurrences(of: ",", with: "%2C")
    }

    private func count(_ n: Int, _ noun: String) -> String { "\(n) \(noun)\(n == 1 ? "" : "s")" }
}
