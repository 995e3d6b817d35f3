import Foundation
import GreenlightCore
import GreenlightReport

/// With `--format github` inside a GitHub Actions job (`GITHUB_STEP_SUMMARY` set), the
/// Markdown report is appended to the job's step summary, beside the annotations. GitHub drops
/// a step summary over 1 MiB whole, so the report is cut at a line to fit what the step has
/// left, and what was cut is counted.
struct StepSummary {
    static let variable = "GITHUB_STEP_SUMMARY"
    /// GitHub's limit per step is 1 MiB; the rest is room for the closing line.
    static let limit = 1_048_576 - 4_096

    let console: Console

    func append(_ report: CheckReport) throws {
        guard let file = console.environment[Self.variable], !file.isEmpty else { return }
        let path = console.resolve(file)
        let used = (try? FileManager.default.attributesOfItem(atPath: path))?[.size] as? Int ?? 0
        let markdown = Self.capped(try MarkdownReporter().render(report), budget: Self.limit - used)
        if !FileManager.default.fileExists(atPath: path) {
            guard FileManager.default.createFile(atPath: path, contents: nil) else {
                throw ToolError.runtime("\(Self.variable)=\(file): cannot create the step summary file")
            }
        }
        guard let handle = FileHandle(forWritingAtPath: path) else {
            throw ToolError.runtime("\(Self.variable)=\(file): cannot open the step summary file")
        }
        defer { try? handle.close() }
        do {
            try handle.seekToEnd()
            try handle.write(contentsOf: Data(markdown.utf8))
        } catch {
            throw ToolError.runtime("\(Self.variable)=\(file): cannot append the step summary")
        }
    }

    /// The report cut at the last whole line within `budget` bytes, with a line that counts the
    /// finding rows cut and says where the whole report is.
    static func capped(_ markdown: String, budget: Int) -> String {
        let bytes = Array(markdown.utf8)
        guard bytes.count > budget else { return markdown }
        var cut = max(0, budget)
        while cut > 0 && bytes[cut - 1] != UInt8(ascii: "\n") { cut -= 1 }
        let rest = String(decoding: bytes[cut...], as: UTF8.self)
        let rows = rest.split(separator: "\n").filter { line in
            ["| error |", "| warning |", "| note |"].contains { line.hasPrefix($0) }
        }.count
        return String(decoding: bytes[..<cut], as: UTF8.self)
            + "\n**\(rows) more finding\(rows == 1 ? "" : "s") not shown**: GitHub drops a step summary over 1 MiB. "
            + "The step's log lists every finding (annotations, then the rest); "
            + "`greenlight check --format markdown --output greenlight.md` writes this report whole, to keep as an artifact.\n"
    }
}
