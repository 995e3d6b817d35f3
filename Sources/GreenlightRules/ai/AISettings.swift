import GreenlightCore

/// The `ai:` section of `.greenlight.yml`: tunes the built-in pack and adds the team's own.
public struct AISettings: ConfigSection {
    public static let key = "ai"

    /// Per requirement rule id, the patterns that replace the built-in packs' for it, when its
    /// key (`loggers`, `identity_args`, … — each requirement rule names its own) is set.
    public var replaced: [String: [UserPattern]] = [:]
    /// Callee names (regular expressions) of the team's own wrappers: a call to one, or an SDK
    /// call inside one's argument list, is a compliant call site.
    public var compliantWrappers: [UserPattern] = []
    /// Paths never checked; replaces the default (tests, vendored and generated code).
    public var exempt: [Glob] = AISettings.defaultExempt
    /// Extra packs, as paths in the repository.
    public var packs: [PositionedScalar] = []

    /// Tests and evaluation harnesses, examples, scripts and benchmarks (run by a developer, not
    /// by the product), vendored and generated code.
    public static let defaultExemptPatterns = TestCode.globPatterns + ExampleCode.globPatterns
        + ["scripts/", "benchmarks/", "devtools/", "dev_tools/", "dev-tools/"]
        + VendoredCode.globPatterns
    // The defaults are constant and valid; a failure here is a programming error caught by tests.
    public static let defaultExempt: [Glob] = defaultExemptPatterns.compactMap { try? Glob($0) }

    public init() {}

    enum CodingKeys: String, CodingKey, CaseIterable {
        case compliantWrappers = "compliant_wrappers"
        case exempt
        case packs
    }

    public init(from decoder: Decoder) throws {
        let requirements = AIFamily.requirementRules
        try decoder.rejectUnknownKeys(CodingKeys.self, also: Set(requirements.map { $0.settingName }))
        let keyed = try decoder.container(keyedBy: AnyCodingKey.self)
        for rule in requirements {
            let key = AnyCodingKey(stringValue: rule.settingName)
            if let patterns = try keyed.decodeIfPresent([UserPattern].self, forKey: key) {
                replaced[rule.description.id] = patterns
            }
        }
        let container = try decoder.container(keyedBy: CodingKeys.self)
        compliantWrappers = try container.decodeIfPresent([UserPattern].self, forKey: .compliantWrappers) ?? []
        exempt = try container.decodeIfPresent([Glob].self, forKey: .exempt) ?? AISettings.defaultExempt
        packs = try container.decodeIfPresent([PositionedScalar].self, forKey: .packs) ?? []
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
