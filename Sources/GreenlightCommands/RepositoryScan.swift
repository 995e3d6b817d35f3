import GreenlightCore
import GreenlightRules

/// What `greenlight init` finds in a repository to tune its configuration and workflows:
/// Dockerfiles, workflows, readiness documents, agent logs, LLM SDK imports, `.env.example`
/// files, recorded evidence, test-data folders. Read from the snapshot, never from the disk.
struct RepositoryScan {
    var dockerfiles: [String] = []
    var workflows: [String] = []
    /// Markdown files the claims family reads by default (by name).
    var readinessDocuments: [String] = []
    /// Other Markdown files with done claims (checked task items, headings marked done): the
    /// default would miss them.
    var otherClaimDocuments: [String] = []
    /// Whether the readiness documents cite HTTP routes.
    var citesRoutes = false
    /// Folders of agent logs (`feedback/` folders holding Markdown files), and their files.
    var agentLogFolders: [String] = []
    var agentLogs: [String] = []
    /// SDK name → files importing it.
    var llmSDKs: [String: [String]] = [:]
    /// `.env.example` files, and the variable names they declare (never their values).
    var envExamples: [String] = []
    var envNames: [String] = []
    /// Evidence names with records under `.greenlight/evidence/`.
    var evidenceNames: [String] = []
    /// Workflows or scripts that look like smoke tests: a gate name for each.
    var smokeGates: [String] = []
    /// Test frameworks seen (jest, vitest, pytest, go, swift).
    var testFrameworks: [String] = []
    /// Folders of test data (fixtures, testdata), which may hold deliberately false claims.
    var testDataFolders: [String] = []
    /// Top-level folders holding source code (where routes are defined).
    var sourceFolders: [String] = []

    static let fileLimit = 100_000

    init() {}

    init(_ snapshot: RepositorySnapshot) throws {
        var folders = Set<String>()
        var logFolders = Set<String>()
        var evidence = Set<String>()
        var smoke = Set<String>()
        var frameworks = Set<String>()
        var sdks: [String: Set<String>] = [:]
        var names = Set<String>()
        var sources = Set<String>()
        for entry in snapshot.entries.prefix(Self.fileLimit) where !Self.ownFiles.contains(entry.path) {
            let path = entry.path
            let parts = path.split(separator: "/").map(String.init)
            let name = parts.last ?? ""
            let lower = name.lowercased()
            for (depth, part) in parts.dropLast().enumerated() where Self.testDataNames.contains(part) {
                folders.insert(parts[...depth].joined(separator: "/"))
            }
            if lower == "dockerfile" || lower.hasPrefix("dockerfile.") || lower.hasSuffix(".dockerfile") {
                dockerfiles.append(path)
            }
            if parts.count == 3, parts[0] == ".github", parts[1] == "workflows", lower.hasSuffix(".yml") || lower.hasSuffix(".yaml") {
                workflows.append(path)
                if lower.contains("smoke") { smoke.insert(Self.stem(name)) }
            }
            if parts.count >= 2, parts[parts.count - 2] == "feedback", lower.hasSuffix(".md") {
                agentLogs.append(path)
                logFolders.insert(parts.dropLast().joined(separator: "/"))
            }
            if parts.count >= 4, parts[0] == ".greenlight", parts[1] == "evidence" {
                evidence.insert(parts[2])
            }
            if lower.contains("smoke"), lower.hasSuffix(".sh") || lower.hasSuffix(".ts") || lower.hasSuffix(".js") || lower.hasSuffix(".py") {
                smoke.insert(Self.stem(name))
            }
            if let framework = Self.frameworkFiles[lower] { frameworks.insert(framework) }
            if lower == ".env.example" {
                envExamples.append(path)
                if let text = try snapshot.text(at: path) { names.formUnion(Self.variableNames(text)) }
            }
            let inTestData = folders.contains { path.hasPrefix($0 + "/") }
            if ReadinessDocument.isReadinessDocument(path), !inTestData {
                readinessDocuments.append(path)
                if let text = try snapshot.text(at: path), Self.citesRoute(text) { citesRoutes = true }
            } else if lower.hasSuffix(".md"), !inTestData, !agentLogs.contains(path), parts.first != ".github", lower != "changelog.md",
                      let text = try snapshot.text(of: entry, containingAny: Self.doneMarkers), Self.hasDoneClaims(text) {
                otherClaimDocuments.append(path)
                if Self.citesRoute(text) { citesRoutes = true }
            }
            if parts.count > 1, LLMImports.language(of: lower) != nil || lower.hasSuffix(".rb") || lower.hasSuffix(".java")
                || lower.hasSuffix(".kt") || lower.hasSuffix(".rs") || lower.hasSuffix(".php"), !inTestData {
                sources.insert(parts[0])
            }
            if let language = LLMImports.language(of: lower),
               let text = try snapshot.text(of: entry, containingAny: LLMImports.needles(language)) {
                for sdk in LLMImports.sdks(in: text, language: language) { sdks[sdk, default: []].insert(path) }
            }
            if lower == "package.json", let text = try snapshot.text(at: path) {
                for framework in ["jest", "vitest"] where text.text.contains("\"\(framework)\"") { frameworks.insert(framework) }
            }
        }
        // A folder inside another test-data folder adds nothing.
        testDataFolders = folders.filter { folder in !folders.contains { folder.hasPrefix($0 + "/") } }.sorted()
        agentLogFolders = logFolders.sorted()
        evidenceNames = evidence.filter(EvidenceRecord.isValidName).sorted()
        smokeGates = smoke.filter(EvidenceRecord.isValidName).sorted()
        testFrameworks = frameworks.sorted()
        llmSDKs = sdks.mapValues { $0.sorted() }
        envNames = names.sorted()
        sourceFolders = sources.filter { !$0.hasPrefix(".") && !["test", "tests", "spec", "docs"].contains($0) }.sorted()
    }

    /// What `greenlight init` writes: not part of what it tunes to.
    static let ownFiles: Set<String> = Set([Config.defaultFileName] + InitCommand.workflows.map(\.1))

    static let testDataNames: Set<String> = ["fixtures", "__fixtures__", "testdata", "test-data", "__snapshots__"]
    static let frameworkFiles = [
        "jest.config.js": "jest", "jest.config.ts": "jest", "vitest.config.ts": "vitest", "vitest.config.js": "vitest",
        "pytest.ini": "pytest", "conftest.py": "pytest", "go.mod": "go", "package.swift": "swift",
    ]
    static let doneMarkers = ["[x]", "[X]", "✅", "DONE", "COMPLETE"]

    /// A file name without its extension.
    static func stem(_ name: String) -> String {
        name.split(separator: ".").first.map(String.init) ?? name
    }

    /// `NAME=` at the start of a line (optionally after `export `); values are never kept.
    static func variableNames(_ text: SourceText) -> [String] {
        text.lines.compactMap { line in
            var rest = line.drop { $0 == " " }
            if rest.hasPrefix("export ") { rest = rest.dropFirst(7) }
            guard let equals = rest.firstIndex(of: "=") else { return nil }
            let name = rest[..<equals]
            guard let first = name.first, first.isLetter || first == "_",
                  name.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_") }) else { return nil }
            return String(name)
        }
    }

    /// A checked task item, or a heading marked done.
    static func hasDoneClaims(_ text: SourceText) -> Bool {
        text.lines.contains { line in
            let trimmed = line.drop { $0 == " " || $0 == "\t" }
            if trimmed.hasPrefix("- [x]") || trimmed.hasPrefix("- [X]") || trimmed.hasPrefix("* [x]") || trimmed.hasPrefix("* [X]") {
                return true
            }
            return trimmed.hasPrefix("#") && (trimmed.contains("✅") || trimmed.contains("DONE") || trimmed.contains("COMPLETE"))
        }
    }

    /// `GET /…`, `POST /…` and the like anywhere in the text.
    static func citesRoute(_ text: SourceText) -> Bool {
        text.lines.contains { line in
            ["GET /", "POST /", "PUT /", "PATCH /", "DELETE /"].contains { line.contains($0) }
        }
    }

    /// What was found, in one line.
    var summary: String {
        var parts: [String] = []
        func add(_ count: Int, _ noun: String) {
            if count > 0 { parts.append("\(count) \(noun)\(count == 1 ? "" : "s")") }
        }
        add(readinessDocuments.count + otherClaimDocuments.count, "readiness document")
        add(dockerfiles.count, "Dockerfile")
        add(workflows.count, "workflow")
        add(agentLogs.count, "agent log")
        if !llmSDKs.isEmpty { parts.append("LLM SDK imports (\(llmSDKs.keys.sorted().joined(separator: ", ")))") }
        if !envExamples.isEmpty { parts.append(".env.example (\(envNames.count) variable\(envNames.count == 1 ? "" : "s"))") }
        add(evidenceNames.count, "evidence gate")
        return parts.isEmpty ? "nothing to tune for" : parts.joined(separator: ", ")
    }
}

/// Import lines of the usual LLM SDKs, per language. Only lines that import count, so a
/// comment or a string that mentions a provider does not.
enum LLMImports {
    enum Language {
        case javaScript, python, go, swift
    }

    static func language(of name: String) -> Language? {
        if [".ts", ".tsx", ".js", ".jsx", ".mjs", ".cjs", ".mts", ".cts"].contains(where: name.hasSuffix) { return .javaScript }
        if name.hasSuffix(".py") { return .python }
        if name.hasSuffix(".go") { return .go }
        if name.hasSuffix(".swift") { return .swift }
        return nil
    }

    /// SDK name → the module names that import it.
    static func modules(_ language: Language) -> [(sdk: String, modules: [String])] {
        switch language {
        case .javaScript:
            return [("openai", ["openai"]), ("anthropic", ["@anthropic-ai/sdk"]),
                    ("gemini", ["@google/generative-ai", "@google/genai"]), ("vercel-ai", ["ai", "@ai-sdk/"]),
                    ("langchain", ["langchain", "@langchain/"]), ("mistral", ["@mistralai/mistralai"]),
                    ("groq", ["groq-sdk"]), ("cohere", ["cohere-ai"]), ("ollama", ["ollama"])]
        case .python:
            return [("openai", ["openai"]), ("anthropic", ["anthropic"]), ("gemini", ["google.generativeai", "google.genai", "google import genai"]),
                    ("langchain", ["langchain"]), ("litellm", ["litellm"]), ("mistral", ["mistralai"]),
                    ("groq", ["groq"]), ("cohere", ["cohere"]), ("ollama", ["ollama"])]
        case .go:
            return [("openai", ["github.com/sashabaranov/go-openai", "github.com/openai/openai-go"]),
                    ("anthropic", ["github.com/anthropics/anthropic-sdk-go"]),
                    ("gemini", ["github.com/google/generative-ai-go", "google.golang.org/genai"]),
                    ("langchain", ["github.com/tmc/langchaingo"])]
        case .swift:
            return [("openai", ["OpenAI"]), ("anthropic", ["SwiftAnthropic"]), ("gemini", ["GoogleGenerativeAI"])]
        }
    }

    /// The bytes a file must contain to be read at all: the module names themselves, so the
    /// great majority of source files (which import no SDK) are never decoded.
    static func needles(_ language: Language) -> [String] {
        modules(language).flatMap(\.modules).flatMap { module -> [String] in
            // A bare "ai" is in every other word; the Vercel AI SDK is imported as "ai" or 'ai'.
            language == .javaScript && module == "ai" ? ["\"ai\"", "'ai'"] : [module]
        }
    }

    static func sdks(in text: SourceText, language: Language) -> Set<String> {
        // Only the SDKs whose module names occur, and only the lines that hold one.
        let candidates = modules(language).filter { entry in entry.modules.contains { ByteSearch.contains(text.text, $0) } }
        guard !candidates.isEmpty else { return [] }
        var found = Set<String>()
        for line in text.lines.prefix(5_000) {
            let trimmed = line.drop { $0 == " " || $0 == "\t" }
            for (sdk, modules) in candidates where !found.contains(sdk) {
                if modules.contains(where: { trimmed.contains($0) && imports(trimmed, $0, language) }) { found.insert(sdk) }
            }
            if found.count == candidates.count { break }
        }
        return found
    }

    private static func imports(_ line: Substring, _ module: String, _ language: Language) -> Bool {
        switch language {
        case .javaScript:
            let prefix = module.hasSuffix("/")
            let quoted = ["\"", "'"].map { $0 + module + (prefix ? "" : $0) }
            if line.hasPrefix("import") || line.hasPrefix("export") {
                return quoted.contains { line.contains($0) }
            }
            return quoted.contains { requires(line, $0) }
        case .python:
            if module.contains(" ") { return word(line, "from " + module) }
            return word(line, "import " + module) || word(line, "from " + module)
        case .go:
            return line.contains("\"" + module)
        case .swift:
            return word(line, "import " + module)
        }
    }

    /// `require("module")` as code: after `=`, `(`, `,`, `:` or at the start of the line, not
    /// inside a string or a comment's prose.
    private static func requires(_ line: Substring, _ quotedModule: String) -> Bool {
        var rest = line
        while let found = rest.range(of: "require(" + quotedModule) {
            let before = line[..<found.lowerBound].reversed().first { $0 != " " && $0 != "\t" }
            if before == nil || ["=", "(", ",", ":"].contains(before!) { return true }
            rest = line[found.upperBound...]
        }
        return false
    }

    /// `line` starts with `prefix`, and a whole word ends there (`import openai` but not
    /// `import openai_tools`).
    private static func word(_ line: Substring, _ prefix: String) -> Bool {
        guard line.hasPrefix(prefix) else { return false }
        guard let next = line.dropFirst(prefix.count).first else { return true }
        return next == " " || next == "." || next == "," || next == ";" || next == "\t"
    }
}
