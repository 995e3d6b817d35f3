import Foundation
import GreenlightCore
import GreenlightReport
import GreenlightRules

/// `probe --record-evidence NAME`: one evidence record for the probe run — pass or fail, the
/// probed URL template when there is one, HEAD's commit — with the redacted probe report (JSON)
/// attached beside it, through the same writer as `greenlight evidence record`.
struct ProbeEvidence {
    let root: String

    static func validate(name: String) throws {
        guard EvidenceRecord.isValidName(name) else {
            throw ToolError.usage("invalid evidence name '\(name)' (letters, digits, '-', '_' and '.'; not starting with '.')")
        }
    }

    /// The record's path, relative to `root`.
    func write(name: String, report: ProbeReport, commit: String?, now: Date) throws -> String {
        let urls = report.probes.map(\.url)
        let data = try StableJSON.data(report)
        return try EvidenceWriter(root: root).write(
            name: name, status: report.passed ? .pass : .fail, date: now, url: urls.count == 1 ? urls[0] : nil,
            commit: commit, attachment: .init(path: "probes.json", data: data))
    }
}
