import Foundation
import GreenlightCore
import Mustache

/// Renders a readiness report: Markdown through a Mustache template (the one shipped in the
/// binary, or a team's own), or JSON.
public struct ReadinessReportRenderer {
    public static let defaultTemplateName = "readiness-report.md.mustache"

    private let template: MustacheTemplate

    /// `templateText` nil means the shipped template. A template that does not parse is a
    /// usage error naming `source`.
    public init(templateText: String? = nil, source: String = "templates/readiness-report.md.mustache") throws {
        let text = templateText ?? ReportTemplates.all[Self.defaultTemplateName] ?? ""
        do {
            template = try MustacheTemplate(string: text)
        } catch {
            throw ToolError.usage("\(source): not a valid Mustache template: \(error)")
        }
    }

    public func markdown(_ report: ReadinessReport) -> String {
        var text = template.render(report)
        while text.hasSuffix("\n\n") { text.removeLast() }
        if !text.hasSuffix("\n") { text += "\n" }
        return text
    }

    public func json(_ report: ReadinessReport) throws -> String {
        try StableJSON.text(report)
    }
}
