import Foundation
import GreenlightCore
import GreenlightReport

/// Writes one evidence record — a JSON file under `.greenlight/evidence/NAME/`, meant to be
/// committed — for a probe run: name, pass or fail, time, commit, the probed URL templates and
/// the redacted probe results. Kept small and on its own so that the evidence family's writer
/// can replace it; the two agree on the fields `name`, `status`, `time`, `url`, `commit`.
struct EvidenceRecordWriter {
    static let folder = ".greenlight/evidence"

    let root: String

    struct Record: Encodable {
        let schemaVersion = 1
        let name: String
        let status: String
        let time: String
        let commit: String?
        let url: String?
        let source = "greenlight probe"
        let probes: ProbeReport

        enum CodingKeys: String, CodingKey {
            case schemaVersion, name, status, time, commit, url, source, probes
        }
    }

    static func validate(name: String) throws {
        let allowed = name.unicodeScalars.allSatisfy {
            $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || "-_.".unicodeScalars.contains($0))
        }
        guard !name.isEmpty, name.count <= 100, allowed, !name.hasPrefix(".") else {
            throw ToolError.usage("invalid evidence name '\(name)' (letters, digits, '-', '_' and '.'; not starting with '.')")
        }
    }

    /// The path written, relative to `root`.
    func write(name: String, report: ProbeReport, commit: String?, now: Date) throws -> String {
        let urls = report.probes.map { "\($0.method) \($0.url)" }
        let record = Record(name: name, status: report.passed ? "pass" : "fail", time: Timestamp.format(now), commit: commit,
                            url: urls.count == 1 ? urls[0] : nil, probes: report)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let data = try encoder.encode(record) + Data("\n".utf8)

        let folder = "\(Self.folder)/\(name)"
        let stamp = record.time.replacingOccurrences(of: ":", with: "-")
        do {
            try FileManager.default.createDirectory(atPath: root + "/" + folder, withIntermediateDirectories: true)
            for suffix in 1...1000 {
                let relative = "\(folder)/\(stamp)\(suffix == 1 ? "" : "-\(suffix)").json"
                let path = root + "/" + relative
                if FileManager.default.fileExists(atPath: path) { continue }
                try data.write(to: URL(fileURLWithPath: path), options: .withoutOverwriting)
                return relative
            }
        } catch {
            throw ToolError.runtime("cannot write evidence under \(folder): \(error.localizedDescription)")
        }
        throw ToolError.runtime("too many evidence records named \(name) at \(record.time)")
    }
}
