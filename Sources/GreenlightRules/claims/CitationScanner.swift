import GreenlightCore

/// Finds what a line cites: backticked paths and routes, relative Markdown link targets, and
/// URLs. Text that is not a path by shape (commands, env var names, code) is not a citation.
enum CitationScanner {
    static let methods: Set<String> = ["GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS"]

    static func citations(in line: Substring, number: Int) -> [Citation] {
        var found: [Citation] = []
        for span in TaskListParser.codeSpans(in: line, number: number) {
            if let method = methodBefore(span, in: line), let route = route(method + " " + span.text) {
                found.append(Citation(target: route, line: span.line, column: span.column))
            } else if let target = target(ofCode: span.text) {
                found.append(Citation(target: target, line: span.line, column: span.column,
                                      namesThePast: namesThePast(before: span, in: line)))
            }
        }
        for link in links(in: line, number: number) {
            found.append(link)
        }
        markMoves(&found, in: line)
        return found
    }

    static func target(ofCode text: String) -> Citation.Target? {
        if let route = route(text) { return route }
        if text.hasPrefix("http://") || text.hasPrefix("https://") { return .url(text) }
        return (PathShape.relativePath(text) ?? PathShape.absolutePath(text)).map(Citation.Target.path)
    }

    /// `POST /api/preferences/:userId/infer`
    static func route(_ text: String) -> Citation.Target? {
        let parts = text.split(separator: " ", omittingEmptySubsequences: true)
        guard parts.count == 2, methods.contains(String(parts[0])), parts[1].hasPrefix("/") else { return nil }
        var path = String(parts[1])
        if let query = path.firstIndex(of: "?") { path = String(path[..<query]) }
        return .route(method: String(parts[0]), path: path)
    }

    /// `a.py` → `b.py`, `a.py -> b.py`: of two paths joined by an arrow, the first is where the
    /// file was.
    static func markMoves(_ found: inout [Citation], in line: Substring) {
        guard found.count >= 2, ByteSearch.contains(String(line), "→") || ByteSearch.contains(String(line), "->") else { return }
        let scalars = Array(line.unicodeScalars)
        for index in found.indices.dropLast() {
            guard case .path = found[index].target, case .path = found[index + 1].target else { continue }
            let from = min(scalars.count, found[index].column - 1), to = max(from, min(scalars.count, found[index + 1].column - 1))
            let between = String(String.UnicodeScalarView(scalars[from..<to]))
            if between.contains("→") || between.contains("->") { found[index].namesThePast = true }
        }
    }

    /// Words that, just before a path, make it the name of what was: the file a change
    /// replaced or was modeled on.
    static let pastWords = ["previous", "old", "legacy", "former", "today's", "replaces", "replacing", "replaced",
                            "instead of", "deprecated", "was", "formerly", "predecessor", "superseded"]

    /// Whether the few words before a code span say it names what was.
    static func namesThePast(before span: CodeSpan, in line: Substring) -> Bool {
        guard span.column >= 3 else { return false }
        let before = MarkdownLines.text(before: span.column, in: line).lowercased()
        // Within the span's own phrase: a table's "Legacy applications" cell names a thing.
        let phrase = before.split(omittingEmptySubsequences: false, whereSeparator: { "|;:(.,".contains($0) }).last ?? ""
        let words = phrase.split(whereSeparator: { !$0.isLetter && $0 != "'" }).suffix(3).map(String.init)
        let tail = words.joined(separator: " ")
        return pastWords.contains { word in word.contains(" ") ? tail.hasSuffix(word) : words.contains(word) }
    }

    /// The HTTP method written just before a code span that holds a URL path, outside it:
    /// GET `/admin/rag/config`, **POST** `/api/x`, a method cell then a path cell
    /// (`| GET | `/health` |`), GET/POST `/items` (the first).
    static func methodBefore(_ span: CodeSpan, in line: Substring) -> String? {
        guard span.text.hasPrefix("/"), !span.text.contains(" "), span.column >= 2 else { return nil }
        let before = MarkdownLines.text(before: span.column, in: line)
        let trimmed = before.reversed().drop { " \t*_|:".contains($0) }
        let word = String(trimmed.prefix { !" \t|*_(".contains($0) }.reversed())
        return word.split(separator: "/").map(String.init).first { methods.contains($0) }
    }

    /// `[text](target)` outside code spans: relative targets are paths, absolute ones URLs.
    static func links(in line: Substring, number: Int) -> [Citation] {
        guard ByteSearch.contains(String(line), "](") else { return [] }
        var found: [Citation] = []
        var inCode = false
        var index = line.startIndex
        while index < line.endIndex {
            let char = line[index]
            if char == "`" { inCode.toggle() }
            if !inCode, char == "]", line.index(after: index) < line.endIndex, line[line.index(after: index)] == "(" {
                let start = line.index(index, offsetBy: 2)
                guard let close = line[start...].firstIndex(of: ")") else { break }
                let raw = line[start..<close].split(separator: " ").first.map(String.init) ?? ""
                let column = SourceText.column(of: start, in: line)
                if raw.hasPrefix("http://") || raw.hasPrefix("https://") {
                    found.append(Citation(target: .url(raw), line: number, column: column))
                } else if !raw.hasPrefix("#"), let path = PathShape.relativePath(raw) {
                    found.append(Citation(target: .path(path), line: number, column: column))
                }
                index = close
            }
            index = line.index(after: index)
        }
        return found
    }
}
