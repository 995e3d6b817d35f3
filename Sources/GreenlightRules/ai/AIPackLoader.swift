import Foundation
import GreenlightCore
import Yams

/// Reads an ai rule pack: YAML decoded strictly, then validated — every regular expression
/// compiled, every scope and language known, every sample found (or not) as a call site. Any
/// problem is a usage error (exit 2) naming `file:line:column`, the pack and its call site or
/// requirement.
enum AIPackLoader {
    /// The packs built into the binary (`checks/ai/*.yml`).
    static func builtin() throws -> [AIPack] {
        try AIBuiltinPacks.files.map { try load(yaml: $0.yaml, file: "checks/ai/" + $0.name, builtin: true) }
    }

    static func load(yaml: String, file: String, builtin: Bool = false) throws -> AIPack {
        let (root, shape) = try self.shape(yaml: yaml, file: file)
        return try Validation(root: root, file: file, name: shape.pack, builtin: builtin).pack(shape, builtin: builtin)
    }

    /// The pack as written, decoded strictly, with its YAML tree for positions.
    static func shape(yaml: String, file: String) throws -> (root: Node, shape: AIPackShape) {
        guard let document = try DecodedYAML<AIPackShape>.read(
            yaml, file: file, culprit: { culprit(of: $0, in: $1, file: file) })
        else {
            throw ToolError.usage("\(file):1:1: empty rule pack (expected pack:, call_sites: and requirements:)")
        }
        return (document.root, document.value)
    }

    /// ` (call site 'x', pack 'y')` for an error inside an item.
    static func culprit(of error: Error, in root: Node, file: String) -> String {
        var path: [String] = []
        if let unknown = error as? UnknownKeyError {
            path = unknown.codingPath
        } else if let decoding = error as? DecodingError {
            switch decoding {
            case .typeMismatch(_, let context), .valueNotFound(_, let context), .keyNotFound(_, let context),
                 .dataCorrupted(let context):
                path = context.codingPath.map(\.pathComponent)
            @unknown default:
                break
            }
        }
        let name = root["pack"]?.string ?? file
        return " (" + Validation.item(path, in: root) + "pack '\(name)')"
    }

    private struct Validation {
        let root: Node
        let file: String
        let name: String
        /// A built-in pack's patterns are shipped (unbudgeted); a team's are budgeted.
        let builtin: Bool

        func pack(_ shape: AIPackShape, builtin: Bool) throws -> AIPack {
            guard name.range(of: #"^[a-z0-9][a-z0-9._-]*$"#, options: .regularExpression) != nil else {
                throw failure(["pack"], "pack name '\(name)' must be lower-case letters, digits, '.', '_' or '-'")
            }
            var seen: Set<String> = []
            var sites: [CallSitePattern] = []
            var disabled: Set<String> = []
            for (index, item) in shape.callSites.enumerated() {
                let at = ["call_sites", String(index)]
                guard seen.insert(item.id).inserted else { throw failure(at + ["id"], "duplicate call site id '\(item.id)'") }
                if item.enabled == false {
                    disabled.insert(item.id)
                    continue
                }
                sites.append(try callSite(item, at: at))
            }
            var requirements: [AIRequirement] = []
            for (index, item) in shape.requirements.enumerated() {
                requirements.append(try requirement(item, at: ["requirements", String(index)]))
            }
            var imports: [SDKImport] = []
            for (index, item) in shape.imports.enumerated() {
                imports.append(try sdkImport(item, at: ["imports", String(index)]))
            }
            return AIPack(name: name, file: file, builtin: builtin, callSites: sites, disabled: disabled,
                          requirements: requirements, imports: imports)
        }

        func sdkImport(_ item: SDKImportShape, at path: [String]) throws -> SDKImport {
            guard !item.sdk.isEmpty else { throw failure(path + ["sdk"], "an import needs an sdk name") }
            var modules: [SDKImport.Language: [String]] = [:]
            for (key, names) in item.modules {
                guard let language = SDKImport.Language(rawValue: key) else {
                    let known = SDKImport.Language.allCases.map(\.rawValue).joined(separator: ", ")
                    throw failure(path + ["modules", key], "unknown language '\(key)' (expected \(known))")
                }
                if let empty = names.firstIndex(where: { $0.trimmingWhitespace.isEmpty }) {
                    throw failure(path + ["modules", key, String(empty)], "empty module name")
                }
                modules[language] = names
            }
            return SDKImport(sdk: item.sdk, modules: modules)
        }

        func callSite(_ item: CallSiteShape, at path: [String]) throws -> CallSitePattern {
            guard let patternText = item.pattern else { throw failure(path, "call site needs a pattern") }
            let pattern = try regex(patternText, at: path + ["pattern"])
            let arguments = try item.arguments.map { try regex($0, at: path + ["arguments"]) }
            let unlessAssigned = try item.unlessAssigned.map { try regex($0, at: path + ["unless_assigned"]) }
            var languages: [SourceLanguage] = []
            for (index, text) in (item.languages ?? SourceLanguage.allCases.map(\.rawValue)).enumerated() {
                guard let language = SourceLanguage(rawValue: text) else {
                    let known = SourceLanguage.allCases.map(\.rawValue).joined(separator: ", ")
                    throw failure(path + ["languages", String(index)], "unknown language '\(text)' (expected \(known))")
                }
                languages.append(language)
            }
            guard !languages.isEmpty else { throw failure(path + ["languages"], "a call site needs at least one language") }
            let keywords: [String]
            if let given = item.keywords {
                keywords = given
            } else if let derived = RegexLiterals.required(in: patternText) {
                keywords = derived
            } else {
                throw failure(path + ["pattern"], "no literal text could be derived from the pattern: give keywords:")
            }
            if let short = keywords.first(where: { $0.utf8.count < 3 }) {
                throw failure(path + ["keywords"], "keyword '\(short)' is shorter than 3 characters")
            }
            for (index, rule) in (item.notRequired ?? []).enumerated() where !AIFamily.requirementIDs.contains(rule) {
                throw failure(path + ["not_required", String(index)],
                              "'\(rule)' is not an ai requirement rule (expected \(AIFamily.requirementIDs.joined(separator: ", ")))")
            }
            let site = CallSitePattern(
                id: item.id, sdk: item.sdk ?? item.id, pattern: pattern, arguments: arguments,
                keywords: keywords.map { Array(KeywordAnchor.needle($0).utf8) }, languages: Set(languages),
                requiredImport: item.requiresImport, notRequired: Set(item.notRequired ?? []), unlessAssigned: unlessAssigned,
                tracedWhenSet: item.tracedWhenSet ?? [])
            try check(item.samples, of: site, language: languages[0], at: path + ["samples"])
            return site
        }

        /// Each sample must (not) be found as a call site of this pattern, lexed as `language`.
        func check(_ samples: AISamplesShape?, of site: CallSitePattern, language: SourceLanguage, at path: [String]) throws {
            guard let samples else { return }
            for (index, sample) in (samples.match ?? []).enumerated() {
                let bytes = Array(sample.utf8)
                let found = CallLocator.calls(in: CodeLexer.lex(bytes, language: language), patterns: [site])
                if found.isEmpty {
                    throw failure(path + ["match", String(index)], "sample is not found as a call site of this pattern")
                }
                if !site.keywords.contains(where: { keyword in bytes.withUnsafeBytes { ByteSearch.contains($0, keyword) } }) {
                    throw failure(path + ["match", String(index)], "sample holds none of the keywords, so files like it would never be read")
                }
            }
            for (name, list) in (samples.matchIn ?? [:]).sorted(by: { $0.key < $1.key }) {
                guard let other = SourceLanguage(rawValue: name), site.languages.contains(other) else {
                    throw failure(path + ["match_in", name], "'\(name)' is not one of the call site's languages")
                }
                for (index, sample) in list.enumerated()
                where CallLocator.calls(in: CodeLexer.lex(Array(sample.utf8), language: other), patterns: [site]).isEmpty {
                    throw failure(path + ["match_in", name, String(index)], "sample is not found as a \(name) call site of this pattern")
                }
            }
            for (index, sample) in (samples.noMatch ?? []).enumerated() {
                let found = CallLocator.calls(in: CodeLexer.lex(Array(sample.utf8), language: language), patterns: [site])
                if !found.isEmpty {
                    throw failure(path + ["no_match", String(index)], "sample is found as a call site of this pattern, but must not be")
                }
            }
        }

        func requirement(_ item: RequirementShape, at path: [String]) throws -> AIRequirement {
            let ids = AIFamily.requirementIDs
            guard ids.contains(item.rule) else {
                let known = ids.joined(separator: ", ")
                throw failure(path + ["rule"], "unknown rule '\(item.rule)' (expected \(known))")
            }
            guard let scope = RequirementScope(item.within) else {
                throw failure(path + ["within"], "unknown scope '\(item.within)' (expected call, function, file, repository or lines:N)")
            }
            guard !item.anyOf.isEmpty else { throw failure(path + ["any_of"], "a requirement needs at least one pattern in any_of") }
            let patterns = try item.anyOf.enumerated().map { try regex($1, at: path + ["any_of", String($0)]) }
            return AIRequirement(rule: item.rule, scope: scope, patterns: patterns,
                                 describe: item.describe ?? item.anyOf.joined(separator: ", "))
        }

        func regex(_ text: String, at path: [String]) throws -> CodeRegex {
            do {
                return try CodeRegex(text, shipped: builtin)
            } catch let error as UserPattern.Invalid {
                throw failure(path, error.description)
            }
        }

        func failure(_ path: [String], _ message: String) -> ToolError {
            let mark = YAMLDiagnostics.locate(path, in: root)?.value.mark
            return ToolError.usage("\(file):\(YAMLDiagnostics.position(mark)): \(message) (\(Validation.item(path, in: root))pack '\(name)')")
        }

        /// `call site 'id', ` or `requirement 2 for ai.logging, `, from a coding path.
        static func item(_ path: [String], in root: Node) -> String {
            guard path.count >= 2, let index = Int(path[1]) else { return "" }
            let node = YAMLDiagnostics.locate(Array(path.prefix(2)), in: root)?.value
            switch path[0] {
            case "call_sites":
                return "call site '\(node?["id"]?.string ?? "#\(index + 1)")', "
            case "requirements":
                return "requirement \(index + 1) for \(node?["rule"]?.string ?? "no rule"), "
            case "imports":
                return "import of '\(node?["sdk"]?.string ?? "#\(index + 1)")', "
            default:
                return ""
            }
        }
    }
}

/// A pack file as written, decoded strictly: unknown keys are errors.
struct AIPackShape: Decodable {
    let pack: String
    let description: String?
    let callSites: [CallSiteShape]
    let requirements: [RequirementShape]
    let imports: [SDKImportShape]

    enum CodingKeys: String, CodingKey, CaseIterable {
        case pack, description
        case callSites = "call_sites"
        case requirements, imports
    }

    init(from decoder: Decoder) throws {
        try decoder.rejectUnknownKeys(CodingKeys.self)
        let container = try decoder.container(keyedBy: CodingKeys.self)
        pack = try container.decode(String.self, forKey: .pack)
        description = try container.decodeIfPresent(String.self, forKey: .description)
        callSites = try container.decodeIfPresent([CallSiteShape].self, forKey: .callSites) ?? []
        requirements = try container.decodeIfPresent([RequirementShape].self, forKey: .requirements) ?? []
        imports = try container.decodeIfPresent([SDKImportShape].self, forKey: .imports) ?? []
    }
}

struct CallSiteShape: Decodable {
    let id: String
    let sdk: String?
    let pattern: String?
    let arguments: String?
    let keywords: [String]?
    let languages: [String]?
    let enabled: Bool?
    let samples: AISamplesShape?
    let requiresImport: String?
    let notRequired: [String]?
    let unlessAssigned: String?
    let tracedWhenSet: [String]?

    enum CodingKeys: String, CodingKey, CaseIterable {
        case id, sdk, pattern, arguments, keywords, languages, enabled, samples
        case requiresImport = "requires_import"
        case notRequired = "not_required"
        case unlessAssigned = "unless_assigned"
        case tracedWhenSet = "traced_when_set"
    }

    init(from decoder: Decoder) throws {
        try decoder.rejectUnknownKeys(CodingKeys.self)
        let container = try decoder.container(keyedBy: CodingKeys.self)
        id = try container.decode(String.self, forKey: .id)
        sdk = try container.decodeIfPresent(String.self, forKey: .sdk)
        pattern = try container.decodeIfPresent(String.self, forKey: .pattern)
        arguments = try container.decodeIfPresent(String.self, forKey: .arguments)
        keywords = try container.decodeIfPresent([String].self, forKey: .keywords)
        languages = try container.decodeIfPresent([String].self, forKey: .languages)
        enabled = try container.decodeIfPresent(Bool.self, forKey: .enabled)
        requiresImport = try container.decodeIfPresent(String.self, forKey: .requiresImport)
        notRequired = try container.decodeIfPresent([String].self, forKey: .notRequired)
        unlessAssigned = try container.decodeIfPresent(String.self, forKey: .unlessAssigned)
        tracedWhenSet = try container.decodeIfPresent([String].self, forKey: .tracedWhenSet)
        samples = try container.decodeIfPresent(AISamplesShape.self, forKey: .samples)
    }
}

struct AISamplesShape: Decodable {
    let match: [String]?
    let noMatch: [String]?
    /// Calls as written in each of the call site's other languages (`python: [...]`).
    let matchIn: [String: [String]]?

    enum CodingKeys: String, CodingKey, CaseIterable {
        case match
        case noMatch = "no_match"
        case matchIn = "match_in"
    }

    init(from decoder: Decoder) throws {
        try decoder.rejectUnknownKeys(CodingKeys.self)
        let container = try decoder.container(keyedBy: CodingKeys.self)
        match = try container.decodeIfPresent([String].self, forKey: .match)
        noMatch = try container.decodeIfPresent([String].self, forKey: .noMatch)
        matchIn = try container.decodeIfPresent([String: [String]].self, forKey: .matchIn)
    }

    /// The languages the samples show a call in: the first language for `match`, each key of
    /// `match_in`.
    func languages(first: String) -> Set<String> {
        Set((match ?? []).isEmpty ? [] : [first]).union((matchIn ?? [:]).filter { !$0.value.isEmpty }.keys)
    }
}

struct RequirementShape: Decodable {
    let rule: String
    let within: String
    let anyOf: [String]
    let describe: String?

    enum CodingKeys: String, CodingKey, CaseIterable {
        case rule, within
        case anyOf = "any_of"
        case describe
    }

    init(from decoder: Decoder) throws {
        try decoder.rejectUnknownKeys(CodingKeys.self)
        let container = try decoder.container(keyedBy: CodingKeys.self)
        rule = try container.decode(String.self, forKey: .rule)
        within = try container.decode(String.self, forKey: .within)
        anyOf = try container.decode([String].self, forKey: .anyOf)
        describe = try container.decodeIfPresent(String.self, forKey: .describe)
    }
}
