import Foundation
import GreenlightCore

/// Where code reads environment variables, in each language's own ways, and what
/// surrounds a read: a fallback to another variable or to a default, a comment calling it
/// legacy. Reads in comments and in string literals (a code snippet the UI shows) are not
/// reads: TypeScript, JavaScript, Python, Go and Swift files go through `CodeLexer` first.
enum EnvReads {
    /// Text that must be on a line for it to read the environment.
    static let keywords = ["env", "environ", "getenv", "Getenv", "LookupEnv", "ENV"]

    struct Read {
        let name: String
        let line: Int
        let column: Int
        /// Reads on one line joined as fallbacks of one another (`A ?? B`,
        /// `getenv("A") or getenv("B")`, `getenv("A", getenv("B"))`) share a group.
        let group: Int
        /// The code goes on without it: another variable or a default follows it.
        var fallsBack: Bool
        /// A comment on its line or the line above calls it legacy, deprecated or kept for
        /// backward compatibility.
        let isLegacy: Bool
    }

    private static let name = "([A-Za-z_][A-Za-z0-9_]*)"
    private static let quoted = "[\"'`]" + name + "[\"'`]"

    /// Every way each language reads one variable, each with the name in its one group. A
    /// file is read with its own language's patterns only: Python quoted inside a TypeScript
    /// string is not a read.
    static let readPatterns: [String: NSRegularExpression] = byExtension([
        "javascript": [
            #"process\.env\."# + name,
            #"process\.env\[\s*"# + quoted + #"\s*\]"#,
            #"import\.meta\.env\."# + name,
            #"Bun\.env\."# + name,
            #"Deno\.env\.get\(\s*"# + quoted,
        ],
        "python": [#"(?<![\w.])(?:os\.)?environ(?:\.get\(\s*|\[\s*)"# + quoted, #"os\.getenv\(\s*"# + quoted],
        "swift": [#"ProcessInfo\.processInfo\.environment\[\s*""# + name + #""\s*\]"#],
        "go": [#"os\.(?:Getenv|LookupEnv)\(\s*""# + name + #"""#],
        "ruby": [#"(?<![\w:])ENV(?:\[\s*|\.fetch\(\s*)"# + quoted],
    ])

    /// Languages whose calls take a default as their second argument (`os.getenv("X", "d")`,
    /// `ENV.fetch("X", "d")`).
    static let defaultArgumentLanguages: Set<String> = ["python", "ruby"]

    private static func byExtension(_ byLanguage: [String: [String]]) -> [String: NSRegularExpression] {
        var patterns: [String: NSRegularExpression] = [:]
        for (language, alternatives) in byLanguage {
            let regex = try! NSRegularExpression(pattern: alternatives.joined(separator: "|"))
            for (ext, owner) in EnvFiles.codeExtensions where owner == language { patterns[ext] = regex }
        }
        return patterns
    }

    /// The reads of `text`, in order.
    static func reads(in text: SourceText) -> [Read] {
        let ext = EnvFiles.extensionOf(text.path)
        guard let readPattern = readPatterns[ext] else { return [] }
        let commaDefaults = defaultArgumentLanguages.contains(EnvFiles.codeExtensions[ext] ?? "")
        let lexed = SourceLanguage.of(path: text.path).map { CodeLexer.lex(text, language: $0) }
        var reads: [Read] = []
        var group = 0
        for (offset, line) in text.lines.enumerated() where keywords.contains(where: { line.contains($0) }) {
            let string = String(line)
            let isCode = { (index: String.Index) -> Bool in
                guard let lexed, offset < lexed.lineStarts.count else { return true }
                let at = lexed.lineStarts[offset] + string.utf8.distance(from: string.startIndex, to: index)
                return at < lexed.count && lexed.code[at] == lexed.source[at]
            }
            let range = NSRange(string.startIndex..., in: string)
            var previousEnd: String.Index?
            for match in readPattern.matches(in: string, range: range) {
                guard let whole = Range(match.range, in: string), isCode(whole.lowerBound),
                      let captured = firstGroup(match, in: string) else { continue }
                let name = String(string[captured])
                let tail = string[whole.upperBound...].drop { $0 == " " || $0 == "\t" }
                // An assignment sets the variable (`os.environ["X"] = …`); `delete process.env.X`
                // unsets it.
                let assigned = tail.drop { $0 == "]" || $0 == " " || $0 == "\t" }
                if assigned.hasPrefix("=") && !assigned.hasPrefix("==") {
                    previousEnd = nil
                    continue
                }
                if string[..<whole.lowerBound].hasSuffix("delete ") { continue }
                let joined = previousEnd.map { isFallbackJoint(string[$0..<whole.lowerBound], commaDefaults: commaDefaults) } ?? false
                if joined {
                    reads[reads.count - 1].fallsBack = true
                } else {
                    group += 1
                }
                let column = string.unicodeScalars.distance(from: string.startIndex, to: captured.lowerBound) + 1
                reads.append(Read(
                    name: name, line: offset + 1, column: column, group: group,
                    fallsBack: joined || hasFallback(after: tail, commaDefaults: commaDefaults),
                    isLegacy: lexed.map { isLegacy(line: offset, in: $0) } ?? false))
                previousEnd = whole.upperBound
            }
        }
        return reads
    }

    private static func firstGroup(_ match: NSTextCheckingResult, in string: String) -> Range<String.Index>? {
        for group in 1..<match.numberOfRanges {
            if let captured = Range(match.range(at: group), in: string) { return captured }
        }
        return nil
    }

    /// What stands between two reads makes the second a fallback of the first: closers and one
    /// of `??`, `||`, `or` — or, in a call that takes a default, the comma before it.
    static func isFallbackJoint(_ between: Substring, commaDefaults: Bool) -> Bool {
        let trimmed = between.trimmingCharacters(in: .whitespaces)
        if commaDefaults && trimmed == "," { return true }
        let joint = trimmed.drop { $0 == ")" || $0 == "]" }.trimmingCharacters(in: .whitespaces)
        return joint == "??" || joint == "||" || joint == "or"
    }

    /// A default follows the read: `?? "x"`, `|| 3000`, `or "x"`, `os.getenv("X", "x")`.
    static func hasFallback(after tail: Substring, commaDefaults: Bool) -> Bool {
        if commaDefaults && tail.hasPrefix(",") { return true }
        let rest = tail.drop { $0 == ")" || $0 == "]" || $0 == " " || $0 == "\t" }
        return rest.hasPrefix("??") || rest.hasPrefix("||") || rest.hasPrefix("or ") || rest.hasPrefix("or(")
    }

    static let legacyWords = ["legacy", "deprecated", "backward compat", "backwards compat", "backward-compat",
                              "backwards-compat", "old name"]

    /// A comment on 0-based `line` or the line above it with one of `legacyWords`.
    static func isLegacy(line: Int, in lexed: LexedSource) -> Bool {
        for number in [line, line - 1] where number >= 0 && number < lexed.lineStarts.count {
            let start = lexed.lineStarts[number]
            let end = number + 1 < lexed.lineStarts.count ? lexed.lineStarts[number + 1] : lexed.count
            var comment: [UInt8] = []
            for at in start..<end where lexed.code[at] == 0x20 && lexed.source[at] != 0x20 && lexed.source[at] != 0x0A {
                comment.append(lexed.source[at])
            }
            guard !comment.isEmpty else { continue }
            let text = String(decoding: comment, as: UTF8.self).lowercased()
            if legacyWords.contains(where: { text.contains($0) }) { return true }
        }
        return false
    }
}
