import Foundation

/// Markdown table cells: one line, pipes escaped.
enum MarkdownCell {
    static func text(_ value: String) -> String {
        value.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "|", with: "\\|")
            .replacingOccurrences(of: "\r", with: " ").replacingOccurrences(of: "\n", with: " ")
    }

    static func code(_ value: String) -> String {
        let clean = value.replacingOccurrences(of: "`", with: "'")
        return "`" + text(clean) + "`"
    }
}
