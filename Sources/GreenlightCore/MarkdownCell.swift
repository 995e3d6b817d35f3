/// Text for one cell of a Markdown table (or one list line): kept on one line, with nothing in
/// it that could end the cell. Every Markdown renderer escapes through here.
public enum MarkdownCell {
    /// Plain text: backslashes and pipes escaped, line breaks flattened to spaces.
    public static func text(_ value: String) -> String {
        value.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "|", with: "\\|")
            .replacingOccurrences(of: "\r", with: " ").replacingOccurrences(of: "\n", with: " ")
    }

    /// A code span: backticks become `'`; inside the span backslashes are literal, so only
    /// pipes are escaped (tables unescape `\|` before reading the span) and line breaks flattened.
    public static func code(_ value: String) -> String {
        let clean = value.replacingOccurrences(of: "`", with: "'").replacingOccurrences(of: "|", with: "\\|")
            .replacingOccurrences(of: "\r", with: " ").replacingOccurrences(of: "\n", with: " ")
        return "`" + clean + "`"
    }
}
