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

    /// What the families know, asked once: which files they read and what counts there.
    init(_ snapshot: RepositorySnapshot) throws {
        let imports = try SDKImports.builtin()
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
            if DockerfileFiles.isDockerfileName(path) {
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
            if EnvFiles.isTemplate(path) {
                envExamples.append(path)
                if let text = try snapshot.text(at: path) { names.formUnion(EnvFiles.declaredNames(text)) }
            }
            let inTestData = folders.contains { path.hasPrefix($0 + "/") }
            if ReadinessDocument.isReadinessDocument(path), !inTestData {
                readinessDocuments.append(path)
                if let text = try snapshot.text(at: path), ClaimDocumentParser.parse(text).citesRoutes { citesRoutes = true }
            } else if lower.hasSuffix(".md"), !inTestData, !agentLogs.contains(path), !Self.isSetUpNote(path), lower != "changelog.md",
                      let text = try snapshot.text(of: entry, containingAny: ClaimDocumentParser.doneNeedles) {
                let document = ClaimDocumentParser.parse(text)
                if document.hasDoneClaims {
                    otherClaimDocuments.append(path)
                    if document.citesRoutes { citesRoutes = true }
                }
            }
            if parts.count > 1, SourceCode.isCode(path), !inTestData {
                sources.insert(parts[0])
            }
            if let language = SourceLanguage.of(path: path),
               let text = try snapshot.text(of: entry, containingAny: imports.needles(language)) {
                for sdk in imports.sdks(in: text, language: language) { sdks[sdk, default: []].insert(path) }
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
    /// A file name without its extension.
    /// A README anywhere, or a document under a dot-folder (`.github/`, `.devcontainer/`,
    /// `.claude/`): set-up notes and templates, whose boxes are no readiness claims.
    static func isSetUpNote(_ path: String) -> Bool {
        RepositoryPath.name(of: path).lowercased().hasPrefix("readme") || path.split(separator: "/").dropLast().contains { $0.hasPrefix(".") }
    }

    static func stem(_ name: String) -> String {
        name.split(separator: ".").first.map(String.init) ?? name
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
        if !envExamples.isEmpty {
            let names = Set(envExamples.map { EnvFiles.baseName($0) }).sorted().joined(separator: ", ")
            parts.append("\(names) (\(envNames.count) variable\(envNames.count == 1 ? "" : "s"))")
        }
        add(evidenceNames.count, "evidence gate")
        return parts.isEmpty ? "nothing to tune for" : parts.joined(separator: ", ")
    }
}
