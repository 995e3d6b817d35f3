import Foundation
import GreenlightCore
@testable import GreenlightRules
import Testing

/// A pack that must be refused: where the message must point and what it must say.
struct BadPackCase: Sendable, CustomTestStringConvertible {
    let name: String
    let yaml: String
    let position: String
    let fragments: [String]

    var testDescription: String { name }
}

/// The built-in pack is fresh, valid and sampled; a team's pack is validated on load, with
/// errors that name the file, line, column, pack and call site or requirement; packs and the
/// `ai:` section merge as documented.
@Suite struct AIPackTests {
    static let packageRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path

    @Test func embeddedPacksMatchTheChecksFolder() throws {
        let folder = Self.packageRoot + "/checks/ai"
        let names = try FileManager.default.contentsOfDirectory(atPath: folder).filter { $0.hasSuffix(".yml") }.sorted()
        #expect(AIBuiltinPacks.files.map(\.name) == names, "run scripts/generate-rule-packs.py")
        for file in AIBuiltinPacks.files where names.contains(file.name) {
            let onDisk = try String(contentsOfFile: folder + "/" + file.name, encoding: .utf8)
            #expect(file.yaml == onDisk, "checks/ai/\(file.name) changed: run scripts/generate-rule-packs.py")
        }
    }

    @Test func generatorCheckModeAgrees() throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", Self.packageRoot + "/scripts/generate-rule-packs.py", "--check"]
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "scripts/generate-rule-packs.py --check reports the generated file stale")
    }

    @Test func builtinPackLoadsWithEverySampleProven() throws {
        let packs = try AIPackLoader.builtin()
        let shape = try AIPackLoader.shape(yaml: AIBuiltinPacks.files[0].yaml, file: "checks/ai/" + AIBuiltinPacks.files[0].name).shape
        #expect(packs.count == AIBuiltinPacks.files.count)
        for site in shape.callSites {
            let matches = site.samples?.match ?? []
            let misses = site.samples?.noMatch ?? []
            #expect(!matches.isEmpty, "call site \(site.id) has no match sample")
            #expect(!misses.isEmpty, "call site \(site.id) has no no_match sample")
        }
        let rules = Set(packs.flatMap(\.requirements).map(\.rule))
        #expect(rules == Set(AIFamily.requirementRules.map { $0.description.id }), "every ai requirement rule has a built-in requirement")
        let sdks = Set(packs.flatMap(\.imports).map(\.sdk))
        #expect(sdks.isSuperset(of: ["openai", "anthropic", "gemini", "vercel-ai", "langchain"]), "\(sdks)")
    }

    @Test(arguments: [
        ("src/a.ts", "import OpenAI from \"openai\";\n", ["openai"]),
        ("src/a.ts", "import { generateText } from 'ai'\nimport { openai } from '@ai-sdk/openai'\n", ["vercel-ai"]),
        ("src/a.ts", "// see the \"openai\" docs\nconst x = 'openai'\n", []),
        ("app/a.py", "from google import genai\nimport anthropic\n", ["anthropic", "gemini"]),
        ("app/a.py", "import openai_tools\n", []),
        ("cmd/a.go", "import \"github.com/openai/openai-go\"\n", ["openai"]),
        ("App/A.swift", "import OpenAI\n", ["openai"]),
    ])
    func sdkImportsComeFromThePack(_ path: String, _ text: String, _ expected: [String]) throws {
        let imports = try SDKImports.builtin()
        let language = try #require(SourceLanguage.of(path: path))
        #expect(imports.sdks(in: SourceText(path: path, bytes: Array(text.utf8)), language: language).sorted() == expected)
    }

    static let badPacks: [BadPackCase] = [
        BadPackCase(
            name: "invalid regex in a call-site pattern",
            yaml: "pack: team\ncall_sites:\n  - id: acme.llm\n    pattern: 'acme\\.complete('\n",
            position: "4:14", fragments: ["invalid regular expression 'acme\\.complete('", "call site 'acme.llm'", "pack 'team'"]),
        BadPackCase(
            name: "unknown key in a requirement",
            yaml: "pack: team\nrequirements:\n  - rule: ai.logging\n    withn: function\n    any_of: [audit\\(]\n",
            position: "4:5", fragments: ["unknown key 'withn'", "requirement 1 for ai.logging", "pack 'team'"]),
        BadPackCase(
            name: "invalid regex in any_of",
            yaml: "pack: team\nrequirements:\n  - rule: ai.user-identity\n    within: call\n    any_of: ['ok', '[unclosed']\n",
            position: "5:20", fragments: ["invalid regular expression '[unclosed'", "requirement 1 for ai.user-identity"]),
        BadPackCase(
            name: "unknown scope",
            yaml: "pack: team\nrequirements:\n  - rule: ai.logging\n    within: module\n    any_of: [audit]\n",
            position: "4:13", fragments: ["unknown scope 'module'", "lines:N"]),
        BadPackCase(
            name: "unknown rule",
            yaml: "pack: team\nrequirements:\n  - rule: ai.cost\n    within: call\n    any_of: [budget]\n",
            position: "3:11", fragments: ["unknown rule 'ai.cost'", "ai.context-injection"]),
        BadPackCase(
            name: "unknown language",
            yaml: "pack: team\ncall_sites:\n  - id: x\n    pattern: 'acme\\.complete\\('\n    languages: [rust]\n",
            position: "5:17", fragments: ["unknown language 'rust'", "call site 'x'"]),
        BadPackCase(
            name: "a match sample that is not found",
            yaml: "pack: team\ncall_sites:\n  - id: acme\n    pattern: 'acme\\.complete\\('\n    samples:\n      match: ['// acme.complete(x)']\n",
            position: "6:15", fragments: ["sample is not found", "call site 'acme'"]),
        BadPackCase(
            name: "a match_in sample in a language of another call site",
            yaml: "pack: team\ncall_sites:\n  - id: acme\n    pattern: 'acme\\.complete\\('\n    languages: [python]\n    samples:\n      match_in:\n        go: ['acme.complete(x)']\n",
            position: "8:13", fragments: ["'go' is not one of the call site's languages", "call site 'acme'"]),
        BadPackCase(
            name: "a match_in sample that is not found",
            yaml: "pack: team\ncall_sites:\n  - id: acme\n    pattern: 'acme\\.complete\\('\n    languages: [python, go]\n    samples:\n      match_in:\n        go: ['// acme.complete(x)']\n",
            position: "8:14", fragments: ["not found as a go call site", "call site 'acme'"]),
        BadPackCase(
            name: "a no_match sample that is found",
            yaml: "pack: team\ncall_sites:\n  - id: acme\n    pattern: 'acme\\.complete\\('\n    samples:\n      no_match: ['acme.complete(x)']\n",
            position: "6:18", fragments: ["must not be", "call site 'acme'"]),
        BadPackCase(
            name: "no keyword can be derived",
            yaml: "pack: team\ncall_sites:\n  - id: vague\n    pattern: '\\w+\\('\n",
            position: "4:14", fragments: ["give keywords:", "call site 'vague'"]),
        BadPackCase(
            name: "duplicate call-site id",
            yaml: "pack: team\ncall_sites:\n  - {id: a, pattern: 'acme\\.x\\('}\n  - {id: a, pattern: 'acme\\.y\\('}\n",
            position: "4:10", fragments: ["duplicate call site id 'a'"]),
        BadPackCase(
            name: "wrong type",
            yaml: "pack: team\ncall_sites:\n  - id: a\n    pattern: 'acme\\.x\\('\n    keywords: acme\n",
            position: "5:15", fragments: ["expected a list", "call site 'a'"]),
        BadPackCase(
            name: "a pattern that can backtrack exponentially",
            yaml: "pack: team\ncall_sites:\n  - id: slow\n    pattern: '(\\w+\\s?)+acme\\('\n",
            position: "4:14", fragments: ["(\\w+\\s?)", "backtrack exponentially", "call site 'slow'"]),
        BadPackCase(
            name: "unknown language of an import",
            yaml: "pack: team\nimports:\n  - sdk: acme\n    modules:\n      cobol: [acme]\n",
            position: "5:14", fragments: ["unknown language 'cobol'", "javascript, python, go, swift", "import of 'acme'"]),
        BadPackCase(
            name: "an import without an sdk name",
            yaml: "pack: team\nimports:\n  - modules:\n      python: [acme]\n",
            position: "3:5", fragments: ["sdk", "pack 'team'"]),
        BadPackCase(name: "not YAML", yaml: "pack: [team\n", position: "2:1", fragments: ["invalid YAML"]),
    ]

    @Test(arguments: badPacks)
    func badPackIsAUsageErrorNamingPackRuleAndLine(_ bad: BadPackCase) throws {
        do {
            _ = try AIPackLoader.load(yaml: bad.yaml, file: "checks/team-ai.yml")
            Issue.record("pack accepted")
        } catch let error as ToolError {
            #expect(error.exitCode == 2)
            #expect(error.message.hasPrefix("checks/team-ai.yml:" + bad.position + ":"), "\(error.message)")
            for fragment in bad.fragments {
                #expect(error.message.contains(fragment), "\(error.message) lacks \(fragment)")
            }
            #expect(!error.message.contains("\n"))
        }
    }

    @Test func teamPackReplacesDisablesAndAdds() throws {
        let team = try AIPackLoader.load(yaml: """
            pack: team
            call_sites:
              - id: vercel-ai
                pattern: '\\bai\\.generate\\('
                languages: [typescript]
              - id: langchain.invoke
                enabled: false
              - id: acme.llm
                sdk: Acme LLM
                pattern: '\\bacme\\.complete\\('
            requirements:
              - rule: ai.logging
                within: lines:2
                any_of: ['\\baudit\\(']
            """, file: "team.yml")
        let checks = try AIChecks(packs: try AIPackLoader.builtin() + [team], settings: AISettings())
        let ids = checks.callSites.map(\.id)
        #expect(ids.contains("acme.llm") && !ids.contains("langchain.invoke"))
        #expect(checks.callSites.first { $0.id == "vercel-ai" }?.pattern.source == "\\bai\\.generate\\(")
        #expect(checks.requirements.filter { $0.rule == "ai.logging" }.map(\.scope) == [.function, .function, .function, .file, .repository, .lines(2)])
        #expect(checks.keywords(for: .go).contains(KeywordAnchor.needle("acme.complete(")))
    }

    @Test func configuredPatternsReplaceTheBuiltInOnesWithinTheirScope() throws {
        var settings = AISettings()
        settings.replaced["ai.logging"] = [try UserPattern("\\brecordGeneration\\(")]
        let checks = try AIChecks(packs: try AIPackLoader.builtin(), settings: settings)
        let logging = checks.requirements.filter { $0.rule == "ai.logging" }
        #expect(logging.count == 1)
        #expect(logging.first?.scope == .function)
        #expect(logging.first?.describe == "loggers (\\brecordGeneration\\()")
        #expect(checks.requirements.filter { $0.rule == "ai.user-identity" }.map(\.scope) == [.call, .function])
    }

    /// Recall of the built-in call sites: each shows a call in every language it applies to, and
    /// in TypeScript the generic form (`create<T>(…)`) where its pattern takes type arguments —
    /// the loader checks that each sample is found.
    @Test func everyBuiltInCallSiteHasASamplePerLanguage() throws {
        for (name, yaml) in AIBuiltinPacks.files {
            let shape = try AIPackLoader.shape(yaml: yaml, file: name).shape
            for site in shape.callSites {
                let declared = site.languages ?? SourceLanguage.allCases.map(\.rawValue)
                let covered = site.samples?.languages(first: declared[0]) ?? []
                #expect(covered == Set(declared), "\(site.id): samples in \(covered.sorted()), languages \(declared)")
                guard declared.contains("typescript"), let pattern = site.pattern, pattern.contains("(<[^()]*>") else { continue }
                let typescript = (declared[0] == "typescript" ? site.samples?.match ?? [] : []) + (site.samples?.matchIn?["typescript"] ?? [])
                #expect(typescript.contains { $0.range(of: #"\w<[^()]*>\s*\("#, options: .regularExpression) != nil },
                        "\(site.id): no TypeScript sample with type arguments")
            }
        }
    }

    @Test func requiredLiteralsOfRegexes() {
        #expect(RegexLiterals.required(in: "\\bchat\\s*\\.\\s*completions\\s*\\.\\s*create\\s*\\(") == ["completions"])
        #expect(RegexLiterals.required(in: "\\b(generateText|streamText)\\s*\\(") == ["generateText", "streamText"])
        #expect(RegexLiterals.required(in: "\\b[lL]og_?[gG]eneration\\s*\\(") == ["eneration"])
        #expect(RegexLiterals.required(in: "(?<!threads\\.)\\bmessages\\s*\\.") == ["messages"])
        #expect(RegexLiterals.required(in: "a(bcd)?e") == nil)
        #expect(RegexLiterals.required(in: "(?i)openai") == nil)
        #expect(RegexLiterals.required(in: "user|x") == nil)
        #expect(RegexLiterals.required(in: "ab+cde") == ["cde"])
    }

    /// The built-in requirement patterns, on what teams write (as the code view has it: a
    /// string's contents are \u{1} bytes).
    @Test(arguments: [
        ("ai.context-injection",
         ["buildPromptContext(u)", "injectContext(req)", "get_user_context(uid)", "loadFewShotExamples(x)",
          "getUserPreferences(id)", "few_shot_examples(u)", "ctx.userContext (u)"],
         ["useContext(ThemeContext)", "http.NewRequestWithContext(ctx, m, u, b)", "db.QueryContext(ctx, q)",
          "canvas.getContext(\"2d\")", "func f(ctx context.Context) {}", "context.Background()", "createContext(null)"]),
        ("ai.user-identity",
         ["user: id", "user=uid", "\"user_id\": uid", "userID", "User: openai.String(id)", "safety_identifier=h", "{ userId }"],
         ["username: n", "users", "end_user_id=x", "role: \"\u{1}\u{1}\u{1}\u{1}\"", "userMessage"]),
        ("ai.logging",
         ["logGeneration(r)", "log_generation(u, r)", "db.insert(aiGenerations)", "prisma.aiGeneration.create({})",
          "session.add(AIGeneration(user_id=u))", "langfuse.trace({})", "trace.generation({})", "@observe()"],
         ["logger.info(r)", "generation = 1", "console.log(generationTime)"]),
    ])
    func builtinRequirementPatterns(rule: String, matching: [String], notMatching: [String]) throws {
        let patterns = try AIPackLoader.builtin().flatMap(\.requirements).filter { $0.rule == rule }.flatMap(\.patterns)
        for text in matching {
            #expect(patterns.contains { $0.matches(text) }, "\(rule) should count \(text)")
        }
        for text in notMatching {
            #expect(!patterns.contains { $0.matches(text) }, "\(rule) should not count \(text)")
        }
    }

    @Test func keywordNeedlesStartAtARareByte() {
        #expect(KeywordAnchor.needle("enerateContent") == "rateContent")
        #expect(KeywordAnchor.needle("completions") == "mpletions")
        #expect(KeywordAnchor.needle("messages") == "messages")
        #expect(KeywordAnchor.needle("abc") == "abc")
        #expect(KeywordAnchor.needle("api.openai.com") == "api.openai.com".suffix(KeywordAnchor.needle("api.openai.com").count))
    }

    @Test func nestedUnboundedQuantifiersAreFound() {
        #expect(RegexNesting.unboundedGroup(in: "(a+)+") == "(a+)+")
        #expect(RegexNesting.unboundedGroup(in: "x(?:[a-z]*\\s?){2,}") == "(?:[a-z]*\\s?){2,}")
        #expect(RegexNesting.unboundedGroup(in: "\\b(generateText|streamText)\\s*\\(") == nil)
        #expect(RegexNesting.unboundedGroup(in: "(axios(\\s*\\.\\s*post)?|fetch)\\s*\\(") == nil)
        #expect(RegexNesting.unboundedGroup(in: "\\b(?!\\w*(WithContext)\\b)\\w*Context\\(") == nil)
    }
}

