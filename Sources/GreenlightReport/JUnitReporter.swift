import GreenlightCore

/// JUnit XML for CI test-report viewers: one `<testsuite>` per rule family, one `<testcase>`
/// per rule and file. A test case fails when it holds a blocking finding (an unsuppressed,
/// unbaselined error), so the failure count agrees with the gate; warnings and notes, and
/// suppressed or baselined findings, are listed in its `<system-out>`. A rule that found
/// nothing is one passing test case, so the counts say how much was checked.
public struct JUnitReporter: Reporter {
    public init() {}

    public func render(_ report: CheckReport) throws -> String {
        let rules = ReportedRule.covering(report.rules, findings: report.findings)
        var byRule: [String: [Finding]] = [:]
        for finding in report.findings { byRule[finding.rule, default: []].append(finding) }

        var families: [String] = []
        var cases: [String: [TestCase]] = [:]
        for rule in rules {
            if cases[rule.family] == nil {
                families.append(rule.family)
                cases[rule.family] = []
            }
            cases[rule.family]! += testCases(rule, findings: byRule[rule.id] ?? [])
        }

        let all = families.flatMap { cases[$0]! }
        var out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        out += "<testsuites name=\"greenlight\" tests=\"\(all.count)\" failures=\"\(all.filter(\.failed).count)\""
        out += " errors=\"0\" skipped=\"0\" time=\"0\" timestamp=\"\(report.generatedAt)\">\n"
        for family in families {
            let suite = cases[family]!
            out += "  <testsuite name=\"\(escape(family))\" tests=\"\(suite.count)\" failures=\"\(suite.filter(\.failed).count)\""
            out += " errors=\"0\" skipped=\"0\" time=\"0\" timestamp=\"\(report.generatedAt)\">\n"
            for testCase in suite { out += testCase.xml }
            out += "  </testsuite>\n"
        }
        out += "</testsuites>\n"
        return out
    }

    struct TestCase {
        let xml: String
        let failed: Bool
    }

    /// One case per file the rule reported on (in report order), or one passing case.
    private func testCases(_ rule: ReportedRule, findings: [Finding]) -> [TestCase] {
        guard !findings.isEmpty else {
            return [TestCase(xml: "    <testcase classname=\"\(escape(rule.family))\" name=\"\(escape(rule.id))\" time=\"0\"/>\n", failed: false)]
        }
        var places: [String] = []
        var byPlace: [String: [Finding]] = [:]
        for finding in findings {
            let place = place(of: finding)
            if byPlace[place] == nil { places.append(place) }
            byPlace[place, default: []].append(finding)
        }
        return places.map { place in
            let found = byPlace[place]!
            let blocking = found.filter(\.isBlocking)
            let other = found.filter { !$0.isBlocking }
            let name = place.isEmpty ? rule.id : "\(rule.id) — \(place)"
            var xml = "    <testcase classname=\"\(escape(rule.family))\" name=\"\(escape(name))\" time=\"0\">\n"
            if !blocking.isEmpty {
                let message = blocking.count == 1 ? blocking[0].message : "\(blocking.count) errors"
                xml += "      <failure type=\"error\" message=\"\(escape(message))\">"
                xml += escape(blocking.map(line).joined(separator: "\n"), attribute: false) + "</failure>\n"
            }
            if !other.isEmpty {
                xml += "      <system-out>" + escape(other.map(line).joined(separator: "\n"), attribute: false) + "</system-out>\n"
            }
            xml += "    </testcase>\n"
            return TestCase(xml: xml, failed: !blocking.isEmpty)
        }
    }

    private func place(of finding: Finding) -> String {
        finding.path.isEmpty ? (finding.endpoint ?? finding.commit ?? "") : finding.path
    }

    /// `path:line:col: message`, with the state of findings that do not block.
    private func line(_ finding: Finding) -> String {
        var location = place(of: finding)
        if finding.line > 0 { location += ":\(finding.line):\(finding.column)" }
        var text = "\(location): \(finding.message)"
        if finding.suppressed {
            text += " (\(finding.severity.rawValue), suppressed: \(finding.suppressionReason ?? "no reason"))"
        } else if finding.baselined {
            text += " (\(finding.severity.rawValue), baselined)"
        } else if finding.severity != .error {
            text += " (\(finding.severity.rawValue))"
        }
        return text
    }

    /// XML text and attribute escaping; characters XML 1.0 cannot hold become U+FFFD. In
    /// attributes, tabs and line breaks are character references, so parsers keep them.
    func escape(_ text: String, attribute: Bool = true) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&apos;"
            case "\t": out += attribute ? "&#9;" : "\t"
            case "\n": out += attribute ? "&#10;" : "\n"
            case "\r": out += "&#13;"
            default:
                let value = scalar.value
                let allowed = (value >= 0x20 && value <= 0xD7FF) || (value >= 0xE000 && value <= 0xFFFD) || value >= 0x10000
                out.unicodeScalars.append(allowed ? scalar : "\u{FFFD}")
            }
        }
        return out
    }
}
