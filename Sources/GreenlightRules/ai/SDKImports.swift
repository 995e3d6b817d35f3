import GreenlightCore

/// The modules an LLM SDK is imported from, per language, as the ai packs declare them
/// (`imports:`). A file that imports one is evidence the SDK is in use: `greenlight init` tunes
/// its draft to them. Only lines that import count, so a comment or a string that mentions a
/// provider does not.
public struct SDKImport: Sendable, Equatable {
    /// The SDK's short name (`openai`, `anthropic`, …).
    public let sdk: String
    /// Module names by language; TypeScript and JavaScript share `javascript`. A JavaScript
    /// module ending in `/` is a scope prefix (`@ai-sdk/`).
    public let modules: [SDKImport.Language: [String]]

    public enum Language: String, CaseIterable, Sendable {
        case javascript, python, go, swift

        init(_ language: SourceLanguage) {
            switch language.syntax {
            case .script: self = .javascript
            case .python: self = .python
            case .go: self = .go
            case .swift: self = .swift
            }
        }
    }
}

/// Finds SDK imports in source files.
public struct SDKImports: Sendable {
    public let imports: [SDKImport]

    public init(_ imports: [SDKImport]) {
        self.imports = imports
    }

    /// The imports the built-in packs declare.
    public static func builtin() throws -> SDKImports {
        SDKImports(try AIPackLoader.builtin().flatMap(\.imports))
    }

    /// The bytes a file must contain to be read at all: the module names themselves, so the
    /// great majority of source files (which import no SDK) are never decoded.
    public func needles(_ language: SourceLanguage) -> [String] {
        let key = SDKImport.Language(language)
        return imports.flatMap { $0.modules[key] ?? [] }.flatMap { module -> [String] in
            // A bare "ai" is in every other word; the Vercel AI SDK is imported as "ai" or 'ai'.
            key == .javascript && module.count < 3 ? ["\"\(module)\"", "'\(module)'"] : [module]
        }
    }

    /// The SDKs `text` imports.
    public func sdks(in text: SourceText, language: SourceLanguage) -> Set<String> {
        let key = SDKImport.Language(language)
        // Only the SDKs whose module names occur, and only the lines that hold one.
        let candidates = imports.compactMap { entry -> (sdk: String, modules: [String])? in
            let modules = entry.modules[key] ?? []
            return modules.contains { ByteSearch.contains(text.text, $0) } ? (entry.sdk, modules) : nil
        }
        guard !candidates.isEmpty else { return [] }
        let wanted = Set(candidates.map(\.sdk)).count
        var found = Set<String>()
        for line in text.lines.prefix(5_000) {
            let trimmed = line.drop { $0 == " " || $0 == "\t" }
            for (sdk, modules) in candidates where !found.contains(sdk) {
                if modules.contains(where: { trimmed.contains($0) && Self.imports(trimmed, $0, key) }) { found.insert(sdk) }
            }
            if found.count == wanted { break }
        }
        return found
    }

    private static func imports(_ line: Substring, _ module: String, _ language: SDKImport.Language) -> Bool {
        switch language {
        case .javascript:
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

/// One `imports:` item of a pack, as written.
struct SDKImportShape: Decodable {
    let sdk: String
    let modules: [String: [String]]

    enum CodingKeys: String, CodingKey, CaseIterable {
        case sdk, modules
    }

    init(from decoder: Decoder) throws {
        try decoder.rejectUnknownKeys(CodingKeys.self)
        let container = try decoder.container(keyedBy: CodingKeys.self)
        sdk = try container.decode(String.self, forKey: .sdk)
        modules = try container.decode([String: [String]].self, forKey: .modules)
    }
}
