import Foundation
import GreenlightCore

/// Environment files: which names are committed env files, which are templates, what a
/// template declares, and where code reads a variable.
public enum EnvFiles {
    /// Suffixes of `.env.*` files that are templates, meant to be committed.
    static let templateSuffixes: Set<String> = ["example", "sample", "template", "dist", "defaults", "tpl"]

    public static func baseName(_ path: String) -> Substring {
        path.split(separator: "/").last ?? Substring(path)
    }

    /// `.env`, `.env.local`, `.env.production` … but not a template.
    static func isEnvFile(_ path: String) -> Bool {
        let name = baseName(path)
        if name == ".env" { return true }
        guard name.hasPrefix(".env."), name.count > 5 else { return false }
        return !templateSuffixes.contains(String(name.dropFirst(5)).lowercased())
    }

    /// `.env.example`, `.env.sample`, `.env.template` …
    public static func isTemplate(_ path: String) -> Bool {
        let name = baseName(path)
        guard name.hasPrefix(".env.") else { return false }
        return templateSuffixes.contains(String(name.dropFirst(5)).lowercased())
    }

    /// Variable names a dotenv file declares: `NAME=…`, `export NAME=…`, and commented-out
    /// `# NAME=…` (a documented optional variable counts as declared).
    public static func declaredNames(_ text: SourceText) -> [String] {
        var names: [String] = []
        for line in text.lines {
            var rest = line.drop { $0 == " " || $0 == "\t" }
            if rest.hasPrefix("#") { rest = rest.dropFirst().drop { $0 == " " || $0 == "\t" } }
            if rest.hasPrefix("export ") { rest = rest.dropFirst(7).drop { $0 == " " } }
            let name = rest.prefix { $0 == "_" || ($0.isASCII && ($0.isLetter || $0.isNumber)) }
            guard let first = name.first, !first.isNumber else { continue }
            let after = rest.dropFirst(name.count).drop { $0 == " " || $0 == "\t" }
            if after.hasPrefix("=") || (after.hasPrefix(":") && !after.hasPrefix("://")) { names.append(String(name)) }
        }
        return names
    }

    /// Source files whose environment reads are looked for.
    static let codeExtensions: Set<String> = [
        "ts", "tsx", "mts", "cts", "js", "jsx", "mjs", "cjs", "vue", "svelte", "astro",
        "py", "swift", "go", "rb",
    ]

    static func isCode(_ path: String) -> Bool {
        guard let dot = baseName(path).lastIndex(of: ".") else { return false }
        return codeExtensions.contains(String(baseName(path)[baseName(path).index(after: dot)...]))
    }

    /// Text that must be on a line for it to read the environment.
    static let readKeywords = ["env", "environ", "getenv", "Getenv", "LookupEnv", "ENV"]

    private static let name = "([A-Za-z_][A-Za-z0-9_]*)"
    private static let quoted = "[\"'`]" + name + "[\"'`]"
    /// Every way of reading one variable, each with the name in its one group.
    static let readPattern = try! NSRegularExpression(pattern: [
        #"process\.env\."# + name,
        #"process\.env\[\s*"# + quoted + #"\s*\]"#,
        #"import\.meta\.env\."# + name,
        #"Bun\.env\."# + name,
        #"Deno\.env\.get\(\s*"# + quoted,
        #"(?<![\w.])(?:os\.)?environ(?:\.get\(\s*|\[\s*)"# + quoted,
        #"os\.getenv\(\s*"# + quoted,
        #"ProcessInfo\.processInfo\.environment\[\s*""# + name + #""\s*\]"#,
        #"os\.(?:Getenv|LookupEnv)\(\s*""# + name + #"""#,
        #"(?<![\w:])ENV(?:\[\s*|\.fetch\(\s*)"# + quoted,
    ].joined(separator: "|"))

    struct Read {
        let name: String
        let line: Int
        let column: Int
    }

    /// Where `text` reads environment variables, in order.
    static func reads(in text: SourceText) -> [Read] {
        var found: [Read] = []
        for (offset, line) in text.lines.enumerated() where readKeywords.contains(where: { line.contains($0) }) {
            let string = String(line)
            let range = NSRange(string.startIndex..., in: string)
            for match in readPattern.matches(in: string, range: range) {
                for group in 1..<match.numberOfRanges {
                    guard let captured = Range(match.range(at: group), in: string) else { continue }
                    let column = string.unicodeScalars.distance(from: string.startIndex, to: captured.lowerBound) + 1
                    found.append(Read(name: String(string[captured]), line: offset + 1, column: column))
                    break
                }
            }
        }
        return found
    }
}
