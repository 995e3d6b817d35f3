/// Bounds what one rule can report, so that one pathological file (a 50 MB document, a line of
/// 4,000 repeated comments) cannot flood the report, memory and the history: at most
/// `perFile` findings of a rule in one file and `perRule` in the run, in the rule's own order;
/// the rest become one summary finding per file (and one for the run), as severe as the worst
/// finding it stands for, so that the verdict is never weakened by the cap.
public struct FindingCap: Sendable {
    public var perFile = 200
    public var perRule = 5_000

    public init() {}

    public func apply(_ findings: [Finding]) -> [Finding] {
        guard findings.count > min(perFile, perRule) else { return findings }
        var kept: [Finding] = []
        var perPath: [String: Int] = [:]
        var overflow: [String: [Finding]] = [:]
        var overflowOrder: [String] = []
        var beyondRule: [Finding] = []
        for finding in findings {
            let seen = perPath[finding.path, default: 0]
            perPath[finding.path] = seen + 1
            if seen >= perFile {
                if overflow[finding.path] == nil { overflowOrder.append(finding.path) }
                overflow[finding.path, default: []].append(finding)
            } else if kept.count >= perRule {
                beyondRule.append(finding)
            } else {
                kept.append(finding)
            }
        }
        for path in overflowOrder {
            let dropped = overflow[path]!
            kept.append(Self.summary(of: dropped, saying: "and \(dropped.count) more finding\(dropped.count == 1 ? "" : "s") of \(dropped[0].rule) in this file (only the first \(perFile) of a rule in one file are reported)"))
        }
        if !beyondRule.isEmpty {
            let files = Set(beyondRule.map(\.path)).count
            kept.append(Self.summary(of: beyondRule, saying: "and \(beyondRule.count) more finding\(beyondRule.count == 1 ? "" : "s") of \(beyondRule[0].rule) in \(files) file\(files == 1 ? "" : "s") (only the first \(perRule) of a rule are reported)"))
        }
        return kept
    }

    private static func summary(of dropped: [Finding], saying message: String) -> Finding {
        var summary = dropped[0]
        summary.message = message
        summary.severity = dropped.map(\.severity).min() ?? summary.severity  // errors sort first
        summary.fix = nil
        summary.subject = nil
        summary.fingerprint = Fingerprint.make(rule: summary.rule, path: summary.path, matched: "more findings than reported")
        return summary
    }
}
