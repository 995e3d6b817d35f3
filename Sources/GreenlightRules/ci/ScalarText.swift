import GreenlightCore

/// Where the text of a YAML scalar sits in its file, so that a position inside a `run:` script
/// or an expression maps back to a line and column. Literal blocks (`|`) map line by line;
/// folded blocks (`>`) are rebuilt from their source lines; flow scalars map from their start.
public enum ScalarText {
    public static func located(_ node: YAMLNode, in workflow: Workflow) -> PositionedText {
        guard case .scalar(let value, let style) = node.kind else { return PositionedText() }
        switch style {
        case .literal, .folded:
            return block(node, folded: style == .folded, value: value, lines: workflow.source.lines)
        case .singleQuoted, .doubleQuoted:
            return PositionedText(Substring(value), at: SourcePosition(line: node.position.line, column: node.position.column + 1))
        case .plain:
            return PositionedText(Substring(value), at: node.position)
        }
    }

    private static func block(_ node: YAMLNode, folded: Bool, value: String, lines: [Substring]) -> PositionedText {
        var text = PositionedText()
        var lineIndex = node.position.line  // the 0-based index of the line after the indicator
        var indent: Int?
        var previousBlank = true
        while lineIndex < lines.count {
            let line = lines[lineIndex]
            let spaces = line.unicodeScalars.prefix { $0 == " " }.count
            let blank = line.unicodeScalars.allSatisfy { $0 == " " || $0 == "\t" }
            if !blank {
                if indent == nil { indent = spaces }
                if spaces < indent! { break }
            }
            let content = blank ? Substring("") : Substring(line.unicodeScalars.dropFirst(indent ?? spaces))
            let position = SourcePosition(line: lineIndex + 1, column: (indent ?? spaces) + 1)
            if folded && !text.isEmpty {
                if blank || previousBlank {
                    text.appendNewline(afterLine: lineIndex, column: 1)
                } else {
                    text.append(" ", at: position)
                }
            }
            text.append(content, at: position)
            if !folded { text.appendNewline(afterLine: lineIndex + 1, column: position.column + content.unicodeScalars.count) }
            previousBlank = blank
            lineIndex += 1
        }
        return text.isEmpty ? PositionedText(Substring(value), at: node.position) : text
    }
}
