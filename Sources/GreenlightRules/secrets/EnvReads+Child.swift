import Foundation
import GreenlightCore

/// What the program sets in the environment of the processes it starts: its own settings, not
/// the deployment's.
extension EnvReads {
    /// Names set in an environment built for a child process from the program's own:
    /// `{...process.env, X: "1"}` (JavaScript, TypeScript), `{**os.environ, "X": "1"}` (Python),
    /// or a copy given keys after it (`env = os.environ.copy()` … `env["X"] = str(id)`).
    static func childEnvironment(in text: SourceText) -> Set<String> {
        copiedEnvironmentKeys(in: text).union(spreadEnvironmentKeys(in: text))
    }

    /// `env = os.environ.copy()` (or `dict(os.environ)`, `{ ...process.env }`), then
    /// `env["X"] = …` or `env.X = …`.
    private static func copiedEnvironmentKeys(in text: SourceText) -> Set<String> {
        guard ByteSearch.contains(text.text, "os.environ") || ByteSearch.contains(text.text, "process.env") else { return [] }
        let copies = EnvFiles.captures(of: environmentCopy, in: text, onLinesWith: "=")
        guard !copies.isEmpty else { return [] }
        var names: Set<String> = []
        for copy in copies {
            let escaped = NSRegularExpression.escapedPattern(for: copy)
            guard let keyed = try? NSRegularExpression(
                pattern: #"(?<![\w.])"# + escaped + #"(?:\[\s*["']([A-Z][A-Z0-9_]{2,})["']\s*\]|\.([A-Z][A-Z0-9_]{2,}))\s*=(?!=)"#)
            else { continue }
            for line in text.lines where line.contains(copy) {
                let string = String(line)
                for match in keyed.matches(in: string, range: NSRange(string.startIndex..., in: string)) {
                    for group in 1...2 {
                        if let range = Range(match.range(at: group), in: string) { names.insert(String(string[range])) }
                    }
                }
            }
        }
        return names
    }

    /// A local holding a copy of the program's environment.
    private static let environmentCopy = try! NSRegularExpression(
        pattern: #"(?:^|[\s;])(?:const\s+|let\s+|var\s+)?([A-Za-z_]\w*)\s*=\s*(?:os\.environ\.copy\(\)|dict\(os\.environ\)|\{\s*\.\.\.process\.env\s*\})"#)

    private static func spreadEnvironmentKeys(in text: SourceText) -> Set<String> {
        guard let language = SourceLanguage.of(path: text.path) else { return [] }
        let spread: [UInt8]
        switch EnvFiles.codeExtensions[EnvFiles.extensionOf(text.path)] {
        case "javascript": spread = Array("...process.env".utf8)
        case "python": spread = Array("**os.environ".utf8)
        default: return []
        }
        guard ByteSearch.contains(text.text, String(decoding: spread, as: UTF8.self)) else { return [] }
        let lexed = CodeLexer.lex(text, language: language)
        var names: Set<String> = []
        let code = lexed.code
        for found in 0..<max(0, code.count - spread.count + 1)
        where code[found] == spread[0] && code[found..<(found + spread.count)].elementsEqual(spread) {
            guard let object = lexed.brackets.last(where: { $0.kind == UInt8(ascii: "{") && $0.open < found && $0.close > found })
            else { continue }
            let body = String(decoding: lexed.code[(object.open + 1)..<object.close], as: UTF8.self)
            for match in childKey.matches(in: body, range: NSRange(body.startIndex..., in: body)) {
                if let range = Range(match.range(at: 1), in: body) { names.insert(String(body[range])) }
            }
        }
        return names
    }

    /// A key of an object literal that looks like an environment variable.
    private static let childKey = try! NSRegularExpression(pattern: #"(?:^|[{,])\s*["']?([A-Z][A-Z0-9_]{2,})["']?\s*:"#)
}
