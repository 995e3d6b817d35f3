import GreenlightCore

/// Where a requirement is looked for, around a call site.
enum RequirementScope: Equatable, Sendable {
    /// The call's balanced argument list (and a Swift trailing closure).
    case call
    /// The enclosing function, widened through the closures and functions around it.
    case function
    case file
    /// Anywhere in the repository's production code: a process-wide instrumentation
    /// (`OpenAIInstrumentor().instrument()`, `Traceloop.init()`) covers every call.
    case repository
    /// From N lines above the call to N lines below its end.
    case lines(Int)

    init?(_ text: String) {
        let trimmed = text.trimmingWhitespace
        switch trimmed {
        case "call": self = .call
        case "function": self = .function
        case "file": self = .file
        case "repository": self = .repository
        default:
            guard trimmed.hasPrefix("lines:"), let count = Int(trimmed.dropFirst(6).trimmingWhitespace),
                  (0...1000).contains(count) else { return nil }
            self = .lines(count)
        }
    }
}

/// A call-site pattern of a pack: which calls are LLM calls.
struct CallSitePattern {
    let id: String
    let sdk: String
    /// Over the code view; the match ends at or before the call's `(`.
    let pattern: CodeRegex
    /// Over the argument list with its string literals (a URL), when given.
    let arguments: CodeRegex?
    /// Literal text every match needs: the file-level prefilter.
    let keywords: [[UInt8]]
    let languages: Set<SourceLanguage>
    /// The SDK (an `imports:` name) a file must import for a match to be its call: a name like
    /// `streamText` or `generateContent` is also a project's own helper.
    let requiredImport: String?
    /// Requirement rules that do not apply to this SDK's calls (`ai.user-identity` for a model
    /// server on the user's own machine).
    let notRequired: Set<String>
    /// A match is no call of the SDK when its receiver is assigned, in the file, from what this
    /// finds: `graph = workflow.compile()` makes `graph.invoke(…)` a LangGraph run, not a chat
    /// model's call.
    let unlessAssigned: CodeRegex?
    /// Environment variables that make the SDK trace every call (`LANGSMITH_TRACING`): when a
    /// committed env template switches one on, `ai.logging` is met at its calls.
    let tracedWhenSet: [String]
}

/// What one rule requires of a call site, where.
struct AIRequirement {
    /// The id of the rule it serves (`ai.logging`).
    let rule: String
    let scope: RequirementScope
    let patterns: [CodeRegex]
    /// What is looked for, in words, for messages.
    let describe: String
}

/// One pack, validated.
struct AIPack {
    let name: String
    let file: String
    /// Shipped in the binary: its requirements give way to configured patterns.
    let builtin: Bool
    let callSites: [CallSitePattern]
    /// Call-site ids this pack switches off (`enabled: false`).
    let disabled: Set<String>
    let requirements: [AIRequirement]
    /// The modules each SDK is imported from (`imports:`).
    let imports: [SDKImport]
}

/// What the ai family checks in one run: the built-in pack and the team's packs, merged (a
/// call site with the id of an earlier one replaces it), tuned by the `ai:` section.
struct AIChecks {
    let callSites: [CallSitePattern]
    let requirements: [AIRequirement]
    let wrappers: [CodeRegex]
    let settings: AISettings
    /// Every pack's `imports:`, for the call sites that require one.
    let imports: SDKImports
    /// The patterns of `repository` requirements that match somewhere in the repository's
    /// production code (`RepositoryInstrumentation`).
    var foundInRepository: Set<String> = []
    /// The names the repository's env templates switch on (`EnvFiles.switchedOn`).
    var switchedOn: Set<String> = []

    /// The requirement rules that do not apply to a call of `pattern` in this repository.
    func notRequired(for pattern: CallSitePattern) -> Set<String> {
        pattern.tracedWhenSet.contains(where: switchedOn.contains)
            ? pattern.notRequired.union([GenerationLoggingRule.description.id]) : pattern.notRequired
    }
    private let byLanguage: [SourceLanguage: [CallSitePattern]]
    private let keywordsByLanguage: [SourceLanguage: [String]]

    init(packs: [AIPack], settings: AISettings) throws {
        var callSites: [CallSitePattern] = []
        var requirements: [AIRequirement] = []
        for pack in packs {
            for site in pack.callSites {
                if let existing = callSites.firstIndex(where: { $0.id == site.id }) {
                    callSites[existing] = site
                } else {
                    callSites.append(site)
                }
            }
            callSites.removeAll { pack.disabled.contains($0.id) }
            for requirement in pack.requirements {
                // Configured patterns replace the built-in packs' for a rule.
                if pack.builtin, settings.replaced[requirement.rule] != nil { continue }
                requirements.append(requirement)
            }
        }
        for rule in AIFamily.requirementRules {
            let id = rule.description.id
            guard let configured = settings.replaced[id] else { continue }
            let builtin = packs.filter(\.builtin).flatMap(\.requirements)
            let scope = builtin.first { $0.rule == id }?.scope ?? .function
            let names = configured.map(\.source)
            requirements.insert(AIRequirement(
                rule: id, scope: scope, patterns: try configured.map { try CodeRegex($0.source) },
                describe: "\(rule.settingName) (\(names.joined(separator: ", ")))"), at: 0)
        }
        self.callSites = callSites
        self.requirements = requirements
        self.wrappers = try settings.compliantWrappers.map { try CodeRegex($0.source) }
        self.imports = SDKImports(packs.flatMap(\.imports))
        let known = Set(packs.flatMap(\.imports).map(\.sdk))
        if let site = callSites.first(where: { $0.requiredImport.map { !known.contains($0) } ?? false }) {
            throw ToolError.usage("ai call site '\(site.id)' requires_import '\(site.requiredImport ?? "")', which no pack's imports: names")
        }
        self.settings = settings
        var byLanguage: [SourceLanguage: [CallSitePattern]] = [:]
        var keywords: [SourceLanguage: [String]] = [:]
        for language in SourceLanguage.allCases {
            let sites = callSites.filter { $0.languages.contains(language) }
            byLanguage[language] = sites
            var seen: Set<String> = []
            keywords[language] = sites.flatMap(\.keywords).map { String(decoding: $0, as: UTF8.self) }.filter { seen.insert($0).inserted }
        }
        self.byLanguage = byLanguage
        self.keywordsByLanguage = keywords
    }

    func callSites(for language: SourceLanguage) -> [CallSitePattern] { byLanguage[language] ?? [] }

    /// Literal text of which a file must hold one for it to be read at all.
    func keywords(for language: SourceLanguage) -> [String] { keywordsByLanguage[language] ?? [] }

    /// The built-in packs, then those `ai.packs` names, read from the snapshot.
    static func load(settings: AISettings, snapshot: RepositorySnapshot, configFile: String) throws -> AIChecks {
        var packs = try AIPackLoader.builtin()
        for named in settings.packs {
            let path = named.text
            guard let text = try snapshot.text(at: path) else {
                throw ToolError.usage("\(named.location(in: configFile)): ai.packs names '\(path)', which is not a text file in the snapshot (commit it, and check include/exclude)")
            }
            packs.append(try AIPackLoader.load(yaml: text.text, file: path))
        }
        return try AIChecks(packs: packs, settings: settings)
    }
}
