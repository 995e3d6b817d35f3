import Foundation
@testable import GreenlightCommands
import GreenlightCore
import GreenlightGit
import GreenlightRules
import GreenlightTestSupport
import Testing
import Yams

/// The templates shipped in the binary, and the configuration `init` drafts.
@Suite struct InstallTemplateTests {
    static let templates = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("templates").path

    @Test("the embedded templates are the files in templates/ (run scripts/embed-templates.sh when this fails)")
    func fresh() throws {
        var onDisk: [String: String] = [:]
        for folder in ["workflows", "workflows/steps", "hooks"] {
            for name in try FileManager.default.contentsOfDirectory(atPath: Self.templates + "/" + folder) {
                var isFolder: ObjCBool = false
                FileManager.default.fileExists(atPath: "\(Self.templates)/\(folder)/\(name)", isDirectory: &isFolder)
                if isFolder.boolValue { continue }
                onDisk["\(folder)/\(name)"] = try String(contentsOfFile: "\(Self.templates)/\(folder)/\(name)", encoding: .utf8)
            }
        }
        #expect(Set(InstallTemplates.files.keys) == Set(onDisk.keys))
        for (path, text) in onDisk {
            #expect(InstallTemplates.files[path] == text, "\(path) differs from its embedded copy")
        }
    }

    @Test("placeholders: named ones are filled, GitHub expressions are left alone, a missing value is an error")
    func placeholders() throws {
        #expect(TemplateText.placeholders(in: "a {{one}} ${{ github.ref }} {{two_2}} {{three_x}}") == ["one", "three_x"])
        let monitor = TemplateText(path: "workflows/greenlight-monitor.yml")
        #expect(throws: ToolError.self) { try monitor.render([:]) }
        #expect(throws: ToolError.self) { try TemplateText(path: "workflows/none.yml").render([:]) }
    }

    @Test("every workflow init writes is valid YAML with the expected triggers, with and without agent logs")
    func workflowsParse() throws {
        for logs in [false, true] {
            var scan = RepositoryScan()
            if logs {
                scan.agentLogFolders = ["feedback"]
                scan.agentLogs = ["feedback/a.md"]
            }
            let files = try InitCommand().render(scan)
            #expect(files.map(\.path) == [".greenlight.yml"] + InitCommand.workflows.map(\.1))
            for file in files where file.path.hasSuffix(".yml") && file.path.hasPrefix(".github") {
                let node = try #require(try Yams.compose(yaml: file.text), "\(file.path) is empty")
                let on = try #require(node["on"], "\(file.path) has no triggers")
                let jobs = try #require(node["jobs"]?.mapping, "\(file.path) has no jobs")
                #expect(!jobs.isEmpty)
                if file.path.hasSuffix("monitor.yml") {
                    #expect((on["schedule"]?.sequence?.first?["cron"]?.string == "*/5 * * * *") == logs, "\(file.text)")
                    #expect(on["workflow_dispatch"] != nil)
                }
                if file.path.hasSuffix("weekly-report.yml") {
                    #expect(on["schedule"]?.sequence?.first?["cron"]?.string == "0 7 * * 1")
                }
                if file.path.hasSuffix("greenlight.yml") {
                    #expect(on["pull_request"] != nil)
                }
            }
        }
    }

    @Test("the drafted config loads, and its claims and evidence suggestions load once uncommented")
    func draftSuggestionsAreValid() throws {
        var scan = RepositoryScan()
        scan.readinessDocuments = ["docs/READINESS.md"]
        scan.citesRoutes = true
        scan.sourceFolders = ["apps", "src"]
        scan.smokeGates = ["smoke-prod"]
        scan.testFrameworks = ["pytest", "vitest"]
        scan.testDataFolders = ["tests/fixtures"]
        scan.agentLogFolders = ["feedback"]
        scan.agentLogs = ["feedback/a.md"]
        let engine = RuleCatalog.engine
        let text = try ConfigDraft(scan: scan, engine: engine).render()
        _ = try ConfigLoader.load(yaml: text, file: "draft", knownRuleIDs: engine.ruleIDs, sections: engine.sectionKeys)

        let uncommented = Self.uncomment(text, keys: ["rules", "claims", "evidence", "include", "max_file_size"])
        #expect(uncommented.contains("\nclaims:\n  docs: [\"docs/READINESS.md\"]\n  route_sources: [\"apps/**\", \"src/**\"]\n"), "\(uncommented)")
        #expect(uncommented.contains("\nevidence:\n  required:\n    - {name: \"smoke-prod\", max_age: 7d}"), "\(uncommented)")
        let config = try ConfigLoader.load(yaml: uncommented, file: "uncommented", knownRuleIDs: engine.ruleIDs, sections: engine.sectionKeys)
        try engine.validate(config)
        #expect(config.rules.count == engine.rules.count)
        let evidence = try #require(try engine.decodeSections(config)["evidence"] as? EvidenceSettings)
        #expect(evidence.required.map(\.name) == ["smoke-prod"])
        #expect(evidence.coverage.first?.format == .lcov)

        // With recorded evidence the evidence section is live, and its suggestions still load.
        scan.evidenceNames = ["unit-tests"]
        let live = try ConfigDraft(scan: scan, engine: engine).render()
        #expect(live.contains("\nevidence:\n  required:\n    - {name: \"unit-tests\", max_age: 7d}\n    # - {name: \"smoke-prod\""), "\(live)")
        let liveUncommented = Self.uncomment(live, keys: ["evidence"])
        let reloaded = try ConfigLoader.load(yaml: liveUncommented, file: "live", knownRuleIDs: engine.ruleIDs, sections: engine.sectionKeys)
        let settings = try #require(try engine.decodeSections(reloaded)["evidence"] as? EvidenceSettings)
        #expect(settings.required.map(\.name) == ["unit-tests", "smoke-prod"], "\(liveUncommented)")
    }

    @Test("a section this build does not know stays commented out; quoting survives odd paths")
    func unknownSectionsStayCommented() throws {
        var scan = RepositoryScan()
        scan.agentLogFolders = ["agents/feedback"]
        scan.agentLogs = ["agents/feedback/x.md"]
        scan.testDataFolders = ["tests/fix\"tures\\x", "a\tb"]
        let engine = RuleCatalog.engine
        let text = try ConfigDraft(scan: scan, engine: engine).render()
        if !engine.sectionKeys.contains("proof_of_work") {
            #expect(text.contains("# proof_of_work:\n#   logs: [\"agents/feedback/*.md\"]"), "\(text)")
        }
        let config = try ConfigLoader.load(yaml: text, file: "draft", knownRuleIDs: engine.ruleIDs, sections: engine.sectionKeys)
        #expect(config.exclude.map(\.pattern) == ["tests/fix\"tures\\x", "a\tb"])
    }

    /// Uncomments the commented `KEY:` blocks of a drafted config (and the commented lines
    /// inside live ones), as a user would.
    static func uncomment(_ text: String, keys: [String]) -> String {
        var out: [String] = []
        var inside = false
        var liveKey = false
        for line in text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) {
            if keys.contains(where: { line.hasPrefix("# \($0):") }) {
                inside = true
                out.append(String(line.dropFirst(2)))
                continue
            }
            if keys.contains(where: { line.hasPrefix("\($0):") }) { liveKey = true; out.append(line); continue }
            if inside, line.hasPrefix("#   ") {
                out.append(Self.uncommentInner(String(line.dropFirst(2))))
                continue
            }
            if liveKey, line.hasPrefix("  "), line.trimmingCharacters(in: .whitespaces).hasPrefix("# ") {
                out.append(Self.uncommentInner(line))
                continue
            }
            if !line.hasPrefix(" ") { inside = false; liveKey = false }
            out.append(line)
        }
        return out.joined(separator: "\n")
    }

    /// `  # key: value` → `  key: value`; a trailing `# comment` stays (YAML ignores it).
    private static func uncommentInner(_ line: String) -> String {
        let indent = line.prefix { $0 == " " }
        let rest = line.dropFirst(indent.count)
        return String(indent) + String(rest.hasPrefix("# ") ? rest.dropFirst(2) : rest)
    }
}

/// What the scan finds in a snapshot, read through a real repository.
@Suite struct RepositoryScanTests {
    @Test func llmImportsAreImportsNotMentions() throws {
        let fixture = try GitFixture(files: [
            "a.ts": "import OpenAI from \"openai\";\nconst s = 'import x from \"@anthropic-ai/sdk\"';\n",
            "b.js": "const { Groq } = require(\"groq-sdk\");\n// require(\"cohere-ai\") later\n",
            "c.py": "import openai_tools\nfrom anthropic import Anthropic\n# import litellm\n",
            "d.py": "from google import genai\n",
            "e.go": "import (\n\t\"github.com/sashabaranov/go-openai\"\n)\n",
            "f.swift": "import OpenAIKit\nimport GoogleGenerativeAI\n",
            "g.mjs": "export { streamText } from \"ai\";\nimport { x } from \"@ai-sdk/openai\";\n",
            "h.ts": "const label = \"openai\";\n",
        ])
        let scan = try RepositoryScan(try GitRepository(discovering: fixture.root).snapshot(.rev("HEAD"), config: Config()))
        #expect(scan.llmSDKs == [
            "openai": ["a.ts", "e.go"],
            "groq": ["b.js"],
            "anthropic": ["c.py"],
            "gemini": ["d.py", "f.swift"],
            "vercel-ai": ["g.mjs"],
        ])
    }

    @Test func envNamesWithoutValuesAndOwnFilesIgnored() throws {
        let fixture = try GitFixture(files: [
            "apps/api/.env.example": "# comment\nexport API_URL=http://x\nSECRET_TOKEN=abc123\n lower_case=1\n9BAD=1\nNOVALUE\n",
            ".github/workflows/greenlight.yml": "name: greenlight\n",
            ".github/workflows/ci.yaml": "name: ci\n",
            ".greenlight.yml": "version: 1\n",
            "web/Dockerfile.prod": "FROM x\n", "api.dockerfile": "FROM y\n", "docs/dockerfiles.md": "# about\n",
        ])
        let scan = try RepositoryScan(try GitRepository(discovering: fixture.root).snapshot(.rev("HEAD"), config: Config()))
        #expect(scan.envExamples == ["apps/api/.env.example"])
        #expect(scan.envNames == ["API_URL", "SECRET_TOKEN", "lower_case"])
        #expect(scan.workflows == [".github/workflows/ci.yaml"], "init's own workflow is not what it tunes to")
        #expect(scan.dockerfiles.sorted() == ["api.dockerfile", "web/Dockerfile.prod"])
        #expect(!scan.summary.contains("abc123"))
    }

    @Test func claimDocumentsUnderOtherNames() throws {
        let fixture = try GitFixture(files: [
            "docs/PLAN.md": "# Plan\n- [x] Shipped — `a.ts`\n",
            "docs/IDEAS.md": "# Ideas\n- [ ] Someday\n",
            "docs/BUILD.md": "## Storage ✅\n**File**: `b.ts`\n",
            "CHANGELOG.md": "- [x] fixed\n",
            ".github/pull_request_template.md": "- [x] I ran the tests\n",
            "feedback/agent.md": "- [x] did it\n",
            "tests/fixtures/FAKE.md": "- [x] nothing\n",
            // A route the claims family would check: in backticks (prose is not a citation).
            "ROADMAP.md": "- [ ] `GET /api/things`\n",
        ])
        let scan = try RepositoryScan(try GitRepository(discovering: fixture.root).snapshot(.rev("HEAD"), config: Config()))
        #expect(scan.otherClaimDocuments.sorted() == ["docs/BUILD.md", "docs/PLAN.md"])
        #expect(scan.readinessDocuments == ["ROADMAP.md"])
        #expect(scan.citesRoutes)
        #expect(scan.testDataFolders == ["tests/fixtures"])
        #expect(scan.agentLogFolders == ["feedback"])
    }
}
