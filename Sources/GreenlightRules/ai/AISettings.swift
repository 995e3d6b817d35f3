import GreenlightCore

/// The `ai:` section of `.greenlight.yml`: tunes the built-in pack and adds the team's own.
public struct AISettings: ConfigSection {
    public static let key = "ai"

    /// When set, replaces the built-in pack's patterns for `ai.context-injection`.
    public var contextBuilders: [UserPattern]?
    /// When set, replaces the built-in pack's patterns for `ai.user-identity`.
    public var identityArgs: [UserPattern]?
    /// When set, replaces the built-in pack's patterns for `ai.logging`.
    public var loggers: [UserPattern]?
    /// Callee names (regular expressions) of the team's own wrappers: a call to one, or an SDK
    /// call inside one's argument list, is a compliant call site.
    public var compliantWrappers: [UserPattern] = []
    /// Paths never checked; replaces the default (tests, vendored and generated code).
    public var exempt: [Glob] = AISettings.defaultExempt
    /// Extra packs, as paths in the repository.
    public var packs: [String] = []

    public static let defaultExemptPatterns = [
        "*.test.*", "*.spec.*", "*_test.*", "test_*.py", "tests/", "test/", "__tests__/", "spec/",
        "node_modules/", "dist/", "vendor/", "*.min.js",
    ]
    // The defaults are constant and valid; a failure here is a programming error caught by tests.
    public static let defaultExempt: [Glob] = defaultExemptPatterns.compactMap { try? Glob($0) }

    public init() {}

    enum CodingKeys: String, CodingKey, CaseIterable {
        case contextBuilders = "context_builders"
        case identityArgs = "identity_args"
        case loggers
        case compliantWrappers = "compliant_wrappers"
        case exempt
        case packs
    }

    public init(from decoder: Decoder) throws {
        try decoder.rejectUnknownKeys(CodingKeys.self)
        let container = try decoder.container(keyedBy: CodingKeys.self)
        contextBuilders = try container.decodeIfPresent([UserPattern].self, forKey: .contextBuilders)
        identityArgs = try container.decodeIfPresent([UserPattern].self, forKey: .identityArgs)
        loggers = try container.decodeIfPresent([UserPattern].self, forKey: .loggers)
        compliantWrappers = try container.decodeIfPresent([UserPattern].self, forKey: .compliantWrappers) ?? []
        exempt = try container.decodeIfPresent([Glob].self, forKey: .exempt) ?? AISettings.defaultExempt
        packs = try container.decodeIfPresent([String].self, forKey: .packs) ?? []
    }

    /// The patterns that replace the built-in ones for `rule`, if configured.
    func patterns(for rule: AIRequirementRule) -> [UserPattern]? {
        switch rule {
        case .contextInjection: return contextBuilders
        case .userIdentity: return identityArgs
        case .logging: return loggers
        }
    }
}

/// `ai.exempt`, screened: a glob is matched only against paths that hold its longest literal
/// piece (`.test.`, `node_modules`), which a match needs — so most paths cost a few byte
/// searches, not a glob match each.
struct ExemptPaths {
    private let screens: [(glob: Glob, literal: [UInt8]?)]

    init(_ globs: [Glob]) {
        screens = globs.map { glob in
            let pattern = glob.pattern
            guard !pattern.contains(where: { "{[\\".contains($0) }) else { return (glob, nil) }
            let pieces = pattern.split(whereSeparator: { $0 == "*" || $0 == "?" || $0 == "/" })
            let longest = pieces.max { $0.utf8.count < $1.utf8.count }.map { Array($0.utf8) }
            return (glob, longest.flatMap { $0.count >= 3 ? $0 : nil })
        }
    }

    func contains(_ path: String) -> Bool {
        let bytes = Array(path.utf8)
        return bytes.withUnsafeBytes { raw in
            screens.contains { screen in
                if let literal = screen.literal, !ByteSearch.contains(raw, literal) { return false }
                return screen.glob.matches(path)
            }
        }
    }
}
