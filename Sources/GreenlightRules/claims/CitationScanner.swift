import GreenlightCore

/// Finds what a line cites: backticked paths and routes, relative Markdown link targets, and
/// URLs. Text that is not a path by shape (commands, env var names, code) is not a citation.
enum CitationScanner {
    static let methods: Set<String> = ["GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS"]

    static func citations(in line: Substring, number: Int) -> [Citation] {
        var found: [Citation] = []
        for span in TaskListParser.codeSpans(in: line, number: number) {
            if let target = target(ofCode: span.text) {
                found.append(Citation(target: target, line: span.line, column: span.column))
            }
        }
        for link in links(in: line, number: number) {
            found.append(link)
        }
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
