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
        return !isTemplate(path)
    }

    /// `.env.example`, `.env.sample`, `.env.template`, and with a qualifier before the suffix:
    /// `.env.local.example`, `.env.k8s.template` …
    public static func isTemplate(_ path: String) -> Bool {
        let name = baseName(path)
        guard name.hasPrefix(".env.") else { return false }
        return name.dropFirst(5).lowercased().split(separator: ".").contains { templateSuffixes.contains(String($0)) }
    }

    /// Prefixes of variables that frameworks put in the browser bundle: public by design.
    static let publicPrefixes = ["NEXT_PUBLIC_", "VITE_", "PUBLIC_", "REACT_APP_", "EXPO_PUBLIC_", "NUXT_PUBLIC_",
                                 "GATSBY_", "VUE_APP_", "STORYBOOK_"]
    /// Words of variable names that hold credentials.
    static let credentialWords = ["KEY", "SECRET", "TOKEN", "PASSWORD", "PASSWD", "PASS", "PWD", "CREDENTIAL", "AUTH",
                                  "PRIVATE", "SIGNING", "SALT", "DSN", "CERT"]
    /// Values that stand for a value: placeholders, fakes, references.
    static let placeholderWords = ["example", "changeme", "change-me", "change_me", "your_", "your-", "<your", "xxx",
                                   "placeholder", "fake", "dummy", "replace", "todo", "redacted", "sample"]

    /// The variables of a dotenv file that may hold a secret: a credential-named variable
    /// (`*_KEY`, `*_SECRET`, `*_TOKEN`, `*PASSWORD*` …) with a value that is not empty, a
    /// placeholder, a reference or public by its name (`NEXT_PUBLIC_*`), and any variable
    /// whose value is a URL with a password (`postgres://app:pw@db/app`).
    static func secretLikeNames(_ text: SourceText) -> [String] {
        var names: [String] = []
        for line in text.lines {
            var rest = line.drop { $0 == " " || $0 == "\t" }
            guard !rest.hasPrefix("#") else { continue }
            if rest.hasPrefix("export ") { rest = rest.dropFirst(7).drop { $0 == " " } }
            guard let equals = rest.firstIndex(of: "=") else { continue }
            let name = rest[..<equals].trimmingCharacters(in: .whitespaces)
            var value = rest[rest.index(after: equals)...].trimmingCharacters(in: .whitespaces)
            if let hash = value.range(of: " #") { value = String(value[..<hash.lowerBound]) }
            value = value.trimmingCharacters(in: CharacterSet(charactersIn: "\"'"))
            guard !name.isEmpty, !value.isEmpty else { continue }
            if hasURLPassword(value) {
                names.append(name)
                continue
            }
            let upper = name.uppercased()
            let lower = value.lowercased()
            guard !publicPrefixes.contains(where: { upper.hasPrefix($0) }),
                  credentialWords.contains(where: { upper.contains($0) }),
                  !value.hasPrefix("$"), !value.contains("://"),
                  !placeholderWords.contains(where: { lower.contains($0) }) else { continue }
            names.append(name)
        }
        return names
    }

    /// `scheme://user:password@host…` with a password that is not a reference.
    static func hasURLPassword(_ value: String) -> Bool {
        guard let scheme = value.range(of: "://") else { return false }
        let rest = value[scheme.upperBound...]
        guard let at = rest.firstIndex(of: "@"), let colon = rest[..<at].firstIndex(of: ":") else { return false }
        let password = rest[rest.index(after: colon)..<at]
        return !password.isEmpty && !password.hasPrefix("$") && !password.contains("/")
            && !placeholderWords.contains(where: { password.lowercased().contains($0) })
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
    /// Source files whose environment reads are looked for, by extension, with their language.
    static let codeExtensions: [String: String] = [
        "ts": "javascript", "tsx": "javascript", "mts": "javascript", "cts": "javascript", "js": "javascript",
        "jsx": "javascript", "mjs": "javascript", "cjs": "javascript", "vue": "javascript", "svelte": "javascript",
        "astro": "javascript", "py": "python", "swift": "swift", "go": "go", "rb": "ruby",
    ]

    static func isCode(_ path: String) -> Bool {
        codeExtensions[extensionOf(path)] != nil
    }

    static func extensionOf(_ path: String) -> String {
        let base = baseName(path)
        guard let dot = base.lastIndex(of: ".") else { return "" }
        return String(base[base.index(after: dot)...])
    }

    /// Variables that the runtime, the framework or the CI platform sets, not the team:
    /// `NODE_ENV`, `CI`, Vite's `import.meta.env.DEV` …, and the platforms' own prefixes.
    static let builtIns: Set<String> = ["NODE_ENV", "CI", "DEV", "PROD", "MODE", "SSR", "BASE_URL", "HOME", "PATH", "PWD",
                                        "USER", "SHELL", "TMPDIR", "TEMP", "TMP", "TERM", "LANG", "HOSTNAME", "TZ",
                                        "NEXT_RUNTIME", "NODE_OPTIONS", "VITEST", "JEST_WORKER_ID", "PLAYWRIGHT"]
    /// Platforms' and test runners' own prefixes.
    static let builtInPrefixes = ["GITHUB_", "RUNNER_", "VERCEL_", "NETLIFY_", "npm_", "PLAYWRIGHT_", "CYPRESS_", "VITEST_"]

    static func isBuiltIn(_ name: String) -> Bool {
        builtIns.contains(name) || builtInPrefixes.contains { name.hasPrefix($0) } || name == "VERCEL" || name == "NETLIFY"
    }

    /// Test code: it sets up the environment it reads.
    static let testMarkers = ["/test/", "/tests/", "/__tests__/", "/spec/", "/e2e/", ".test.", ".spec.", "_test.", "/test_", "/conftest."]

    static func isTest(_ path: String) -> Bool {
        let framed = "/" + path
        return testMarkers.contains { framed.contains($0) }
    }

    /// Text that must be on a line for it to read the environment.
    static let readKeywords = ["env", "environ", "getenv", "Getenv", "LookupEnv", "ENV"]

    private static let name = "([A-Za-z_][A-Za-z0-9_]*)"
    private static let quoted = "[\"'`]" + name + "[\"'`]"
    /// Every way each language reads one variable, each with the name in its one group. A
    /// file is read with its own language's patterns only: Python quoted inside a TypeScript
    /// string (a code snippet shown in the UI) is not a read.
    static let readPatterns: [String: NSRegularExpression] = {
        let javaScript = [
            #"process\.env\."# + name,
            #"process\.env\[\s*"# + quoted + #"\s*\]"#,
            #"import\.meta\.env\."# + name,
            #"Bun\.env\."# + name,
            #"Deno\.env\.get\(\s*"# + quoted,
        ]
        let byLanguage: [String: [String]] = [
            "javascript": javaScript,
            "python": [#"(?<![\w.])(?:os\.)?environ(?:\.get\(\s*|\[\s*)"# + quoted, #"os\.getenv\(\s*"# + quoted],
            "swift": [#"ProcessInfo\.processInfo\.environment\[\s*""# + name + #""\s*\]"#],
            "go": [#"os\.(?:Getenv|LookupEnv)\(\s*""# + name + #"""#],
            "ruby": [#"(?<![\w:])ENV(?:\[\s*|\.fetch\(\s*)"# + quoted],
        ]
        var patterns: [String: NSRegularExpression] = [:]
        for (language, alternatives) in byLanguage {
            let regex = try! NSRegularExpression(pattern: alternatives.joined(separator: "|"))
            for (ext, owner) in codeExtensions where owner == language { patterns[ext] = regex }
        }
        return patterns
    }()

    /// Tool configuration run in a developer's or a builder's shell (`vite.config.ts`,
    /// `next.config.mjs`, `playwright.config.ts`): its variables are switches given on the
    /// command line (`ANALYZE=true next build`), not settings of the deployed application.
    static func isToolConfiguration(_ path: String) -> Bool {
        let ext = extensionOf(path)
        guard codeExtensions[ext] == "javascript" else { return false }
        return baseName(path).dropLast(ext.count + 1).hasSuffix(".config")
    }

    struct Read {
        let name: String
        let line: Int
        let column: Int
    }

    /// Where `text` reads environment variables, in order, in its own language's ways.
    static func reads(in text: SourceText) -> [Read] {
        guard let readPattern = readPatterns[extensionOf(text.path)] else { return [] }
        var found: [Read] = []
        for (offset, line) in text.lines.enumerated() where readKeywords.contains(where: { line.contains($0) }) {
            let string = String(line)
            let range = NSRange(string.startIndex..., in: string)
            for match in readPattern.matches(in: string, range: range) {
                // A write (`process.env.X = …`) sets the variable; it does not need it.
                let after = string.utf16.dropFirst(match.range.location + match.range.length).prefix(4)
                let tail = String(decoding: Array(after), as: UTF16.self).drop { $0 == " " || $0 == "\t" }
                if tail.hasPrefix("=") && !tail.hasPrefix("==") { continue }
                // `delete process.env.X` unsets it.
                let before = string.utf16.prefix(match.range.location)
                if String(decoding: Array(before), as: UTF16.self).hasSuffix("delete ") { continue }
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
