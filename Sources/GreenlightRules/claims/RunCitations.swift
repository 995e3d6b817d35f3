import Foundation
import GreenlightCore

/// A CI run or an artifact a readiness document cites as proof: a GitHub Actions run URL
/// (`…/actions/runs/12345678901`), a GitLab pipeline or job URL, "run #12345678", or a
/// backticked file name after the word artifact ("artifact `smoke-report.json`").
struct RunCitation: Equatable {
    enum Kind: Equatable {
        /// A run, pipeline or job id, and the URL when one was written.
        case run(id: String, url: String?)
        case artifact(String)
    }

    let line: Int
    let column: Int
    let kind: Kind

    var text: String {
        switch kind {
        case .run(let id, let url): return url ?? "run \(id)"
        case .artifact(let name): return "artifact `\(name)`"
        }
    }
}

/// Finds run and artifact citations on every line of a readiness document but unchecked items
/// and fenced code.
enum RunCitations {
    /// URL path parts that precede a run's id: GitHub Actions, GitLab pipelines and jobs,
    /// Buildkite builds, CircleCI pipelines.
    static let runMarkers = ["/actions/runs/", "/-/pipelines/", "/-/jobs/", "/builds/", "/pipelines/"]

    static func scan(_ source: SourceText) -> [RunCitation] {
        guard mayCite(Substring(source.text)) else { return [] }
        var found: [RunCitation] = []
        MarkdownLines.forEach(in: source) { number, line, _ in
            // A run's URL, "run #12345678", or a file named after the word artifact.
            guard mayCite(line) else { return }
            if let item = TaskListParser.item(in: line, number: number), !item.isDone { return }
            found += citations(in: line, number: number)
        }
        return found
    }

    /// The cheap test before a line is read: a run marker of a URL, or "run"/"pipeline"
    /// with six digits in a row, or the word artifact.
    static func mayCite(_ line: Substring) -> Bool {
        if ByteSearch.containsIgnoringCase(line, "http") {
            let text = String(line)
            if runMarkers.contains(where: { ByteSearch.contains(text, $0) }) { return true }
        }
        if ByteSearch.containsIgnoringCase(line, "artifact") { return true }
        return (ByteSearch.containsIgnoringCase(line, "run") || ByteSearch.containsIgnoringCase(line, "pipeline")) && hasDigitRun(line, 6)
    }

    /// Whether `line` holds `count` ASCII digits in a row.
    static func hasDigitRun(_ line: Substring, _ count: Int) -> Bool {
        var run = 0
        for byte in line.utf8 {
            run = byte >= 0x30 && byte <= 0x39 ? run + 1 : 0
            if run >= count { return true }
        }
        return false
    }

    static func citations(in line: Substring, number: Int) -> [RunCitation] {
        var found: [RunCitation] = []
        var seen: Set<String> = []
        func add(_ kind: RunCitation.Kind, at index: Substring.Index, key: String) {
            guard seen.insert(key).inserted else { return }
            found.append(RunCitation(line: number, column: SourceText.column(of: index, in: line), kind: kind))
        }
        // URLs: http(s)://… up to white space or a closing bracket.
        var rest = line[...]
        while let start = rest.range(of: "http") {
            let url = line[start.lowerBound...].prefix { !" \t)>]\"'`|".contains($0) }
            rest = line[url.endIndex...]
            guard url.hasPrefix("https://") || url.hasPrefix("http://") else { continue }
            for marker in runMarkers {
                guard let at = url.range(of: marker) else { continue }
                let id = url[at.upperBound...].prefix { $0.isASCII && $0.isNumber }
                if id.count >= 3 { add(.run(id: String(id), url: String(url)), at: url.startIndex, key: String(id)) }
                break
            }
        }
        // "run #12345678", "run id 12345678", "Run: 12345678".
        let words = line.split(whereSeparator: { $0 == " " || $0 == "\t" })
        for (index, word) in words.enumerated() where index + 1 < words.count {
            let head = word.lowercased().filter { $0.isLetter }
            guard head == "run" || head == "runid" || head == "pipeline" else { continue }
            var next = index + 1
            if words[next].lowercased().filter({ $0.isLetter }) == "id", next + 1 < words.count { next += 1 }
            let digits = words[next].drop { $0 == "#" }.prefix { $0.isASCII && $0.isNumber }
            let tail = words[next].drop { $0 == "#" }.dropFirst(digits.count)
            guard digits.count >= 6, tail.allSatisfy({ ",.;:)".contains($0) }) else { continue }
            add(.run(id: String(digits), url: nil), at: words[next].startIndex, key: String(digits))
        }
        // "artifact `smoke-report.json`", "artifacts: `a.json`, `b.xml`".
        let lowered = line.lowercased()
        if ByteSearch.contains(lowered, "artifact") {
            for span in TaskListParser.codeSpans(in: line, number: number) where isArtifactName(span.text) {
                let lead = MarkdownLines.text(before: span.column, in: line).lowercased().suffix(40)
                guard lead.contains("artifact") else { continue }
                let index = line.unicodeScalars.index(line.startIndex, offsetBy: span.column - 2)
                add(.artifact(span.text), at: index, key: "artifact:" + span.text)
            }
        }
        return found
    }

    /// An artifact's file name (`smoke-report.json`, `out/junit.xml`): a relative path whose
    /// name has a known extension — not a word of the domain (`workflow_variant`) or a route.
    static func isArtifactName(_ text: String) -> Bool {
        guard text.count <= 200, !text.hasPrefix("/"),
              text.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || "-_./".contains($0)) }) else { return false }
        return PathShape.looksLikeFileName(Substring(RepositoryPath.name(of: text)))
    }
}
