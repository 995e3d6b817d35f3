import GreenlightCore

/// The lines of a Markdown document outside fenced code blocks (```` ``` ```` or `~~~`), in
/// order, each with its 1-based number and its text without the leading indentation: the one
/// walk every claims scanner makes over a readiness document.
enum MarkdownLines {
    static func forEach(in source: SourceText, _ body: (_ number: Int, _ line: Substring, _ trimmed: Substring) -> Void) {
        var fence: Substring?
        for (offset, line) in source.lines.enumerated() {
            let trimmed = line.drop { $0 == " " || $0 == "\t" }
            if let open = fence {
                if trimmed.hasPrefix(open) { fence = nil }
                continue
            }
            if trimmed.hasPrefix("```") || trimmed.hasPrefix("~~~") {
                fence = trimmed.prefix(3)
                continue
            }
            body(offset + 1, line, trimmed)
        }
    }

    /// The level of an ATX heading (`## Title` is 2), or nil for any other line.
    static func headingLevel(_ trimmed: Substring) -> Int? {
        let hashes = trimmed.prefix { $0 == "#" }.count
        guard (1...6).contains(hashes) else { return nil }
        let rest = trimmed.dropFirst(hashes)
        return rest.isEmpty || rest.first == " " ? hashes : nil
    }

    /// A line's text with its code spans blanked out (each backtick and the text between a pair
    /// become spaces): the prose the words around code are read from.
    static func prose(_ text: String) -> String {
        var out = ""
        var inCode = false
        for char in text {
            if char == "`" { inCode.toggle(); out.append(" "); continue }
            out.append(inCode ? " " : char)
        }
        return out
    }

    /// The line's text before the 1-based scalar column `column` (a code span's first
    /// character: its opening backtick is left out).
    static func text(before column: Int, in line: Substring) -> String {
        String(String.UnicodeScalarView(line.unicodeScalars.prefix(max(0, column - 2))))
    }
}
