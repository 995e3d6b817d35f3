import Foundation
import GreenlightCore
import GreenlightReport

/// With `--format github` inside a GitHub Actions job (`GITHUB_STEP_SUMMARY` set), the
/// Markdown report is appended to the job's step summary, beside the annotations.
struct StepSummary {
    static let variable = "GITHUB_STEP_SUMMARY"

    let console: Console

    func append(_ report: CheckReport) throws {
        guard let file = console.environment[Self.variable], !file.isEmpty else { return }
        let markdown = try MarkdownReporter().render(report)
        let path = console.resolve(file)
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
}
